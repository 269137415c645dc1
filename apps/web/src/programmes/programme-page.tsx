import type { Programme } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { formatDateTime } from '../i18n/format';
import { fromLocalInput, toLocalInput } from '../lib/datetime';
import { ProgrammeActionForm } from './programme-action-form';
import { ProgrammeActions } from './programme-actions';
import { ProgrammeComments } from './programme-comments';
import { ProgrammeStateChip, ProgressText } from './programme-state';
import { useAdoptProgramme, useOpenProgramme, useProgramme } from './programmes-api';
import './programmes.css';

/** A branch's programme for its secretary (or an organiser above it): draft, open for comments, adopt. */
export function ProgrammePage() {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes' });
  const { id = '', unitId = '' } = useParams();
  const query = useProgramme(id, unitId);
  const p = query.data;
  const [why, setWhy] = useState('');
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {p && (
        <div className="stack stack--loose" data-testid="programme-page">
          <p>
            <Link to={`/sessions/${id}/programmes`} className="back-link">
              <span aria-hidden="true">← </span>
              {t('overview.title', { title: p.sessionTitle })}
            </Link>
          </p>
          <PageHeader
            title={
              <>
                {t('title')}: {p.unitName} <ProgrammeStateChip state={p.id ? p.state : null} />
              </>
            }
            subtitle={p.sessionTitle}
          />
          <ProgrammeStatus programme={p} />
          {p.canEdit && p.state === 'adopted' && (
            <FormField label={t('edit.why')}>
              {(c) => (
                <input
                  {...c}
                  maxLength={500}
                  value={why}
                  onChange={(e) => setWhy(e.target.value)}
                  data-testid="programme-why"
                />
              )}
            </FormField>
          )}
          <section className="stack" aria-labelledby="programme-actions-title">
            <h2 id="programme-actions-title" className="section-title">
              {t('edit.actions')}
            </h2>
            <ProgrammeActions programme={p} unitKey={unitId} why={why} />
          </section>
          {p.canEdit && <ProgrammeActionForm sessionId={id} unitKey={unitId} />}
          {p.canEdit && p.id && p.actions.length > 0 && p.state !== 'adopted' && (
            <ProgrammeSteps programme={p} unitKey={unitId} />
          )}
          <ProgrammeComments programme={p} unitKey={unitId} />
        </div>
      )}
    </QueryState>
  );
}

/** Where the programme stands: open until when, adopted by whom, and the progress of its actions. */
export function ProgrammeStatus({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes.edit' });
  return (
    <div className="stack stack--tight">
      {p.state === 'open' && p.commentsCloseAt && (
        <p className="alert alert--info">{t('commentsUntil', { time: formatDateTime(p.commentsCloseAt) })}</p>
      )}
      {p.state === 'adopted' && p.adoptedAt && (
        <p className="alert alert--success" data-testid="programme-adopted">
          {t('adoptedBy', { time: formatDateTime(p.adoptedAt), name: p.adoptedBy ?? '' })}
        </p>
      )}
      {p.actions.length > 0 && (
        <p className="muted">
          <ProgressText progress={p.progress} />
        </p>
      )}
    </div>
  );
}

/** Open the draft to the branch's members until a set time, and adopt it (from draft or open). */
function ProgrammeSteps({ programme: p, unitKey }: { programme: Programme; unitKey: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes.edit' });
  const [closesAt, setClosesAt] = useState(() => toLocalInput(new Date(Date.now() + 7 * 86_400_000)));
  const [confirming, setConfirming] = useState(false);
  const open = useOpenProgramme(p.sessionId, unitKey);
  const adopt = useAdoptProgramme(p.sessionId, unitKey);
  return (
    <section className="panel stack" data-testid="programme-steps">
      {p.state === 'draft' && (
        <form
          className="form-row form-row--end"
          onSubmit={(e) => {
            e.preventDefault();
            open.mutate({ id: p.id!, commentsCloseAt: fromLocalInput(closesAt) ?? '' });
          }}
        >
          <FormField label={t('openFor')} required>
            {(c) => (
              <input
                {...c}
                type="datetime-local"
                required
                value={closesAt}
                onChange={(e) => setClosesAt(e.target.value)}
                data-testid="programme-open-until"
              />
            )}
          </FormField>
          <button type="submit" className="button" disabled={open.isPending} data-testid="programme-open">
            {t('openAction')}
          </button>
        </form>
      )}
      <ErrorAlert error={open.error} />
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => setConfirming(true)}
          data-testid="programme-adopt"
        >
          {t('adopt')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('adopt')}
          message={t('adoptConfirm')}
          confirmLabel={t('adopt')}
          pending={adopt.isPending}
          error={adopt.error}
          onConfirm={() => adopt.mutate(p.id!, { onSuccess: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
