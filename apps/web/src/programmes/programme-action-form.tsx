import type { ActionStatus } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { fieldErrorsOf } from '../lib/field-issues';
import { useAddAction } from './programmes-api';

/** Adds one concrete action: what, who, by when. The branch's programme is made with its first. */
export function ProgrammeActionForm({ sessionId, unitKey }: { sessionId: string; unitKey: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes.edit' });
  const { t: tr } = useTranslation();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const add = useAddAction(sessionId, unitKey);
  const issues = fieldErrorsOf(tr, add.error);
  const issue = (path: string) => issues[path];
  return (
    <form
      className="panel stack"
      data-testid="programme-action-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          {
            title,
            owner,
            dueDate: dueDate || null,
            status: 'planned' satisfies ActionStatus,
            note: note || null,
          },
          {
            onSuccess: () => {
              setTitle('');
              setOwner('');
              setDueDate('');
              setNote('');
            },
          },
        );
      }}
    >
      <h3 className="section-title">{t('add')}</h3>
      <FormField label={t('actionTitle')} required error={issue('title')}>
        {(c) => (
          <textarea
            {...c}
            rows={2}
            maxLength={500}
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="programme-action-title"
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField label={t('owner')} required error={issue('owner')}>
          {(c) => (
            <input
              {...c}
              maxLength={200}
              required
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
              data-testid="programme-action-owner"
            />
          )}
        </FormField>
        <FormField label={t('dueDate')} error={issue('dueDate')}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
              data-testid="programme-action-due"
            />
          )}
        </FormField>
      </div>
      <FormField label={t('note')} error={issue('note')}>
        {(c) => (
          <textarea {...c} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
      <ErrorAlert error={add.error} fields={['title', 'owner', 'dueDate', 'note']} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={add.isPending}
          data-testid="programme-action-add"
        >
          {t('add')}
        </button>
      </div>
    </form>
  );
}
