import type { Programme } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { formatDateTime } from '../i18n/format';
import { useCommentProgramme } from './programmes-api';

/** Members' comments on a programme, oldest first, and the box to add one while it is open. */
export function ProgrammeComments({ programme, unitKey }: { programme: Programme; unitKey: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes.comments' });
  const [body, setBody] = useState('');
  const send = useCommentProgramme(programme.sessionId, unitKey);
  return (
    <section className="stack" aria-labelledby="programme-comments" data-testid="programme-comments">
      <h2 id="programme-comments" className="section-title">
        {t('title')}
      </h2>
      {programme.comments.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="plain-list stack stack--tight">
          {programme.comments.map((c) => (
            <li key={c.id} className="programme-comment" data-testid="programme-comment">
              <p className="muted small">
                <strong>{c.authorName}</strong> · {formatDateTime(c.createdAt)}
              </p>
              <p className="prewrap">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {programme.canComment && programme.id ? (
        <form
          className="stack stack--tight"
          onSubmit={(e) => {
            e.preventDefault();
            if (!body.trim()) return;
            send.mutate({ id: programme.id!, body }, { onSuccess: () => setBody('') });
          }}
        >
          <FormField label={t('label')}>
            {(c) => (
              <textarea
                {...c}
                rows={4}
                maxLength={2000}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                data-testid="programme-comment-body"
              />
            )}
          </FormField>
          <ErrorAlert error={send.error} />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={send.isPending || !body.trim()}
            data-testid="programme-comment-send"
          >
            {t('send')}
          </button>
        </form>
      ) : (
        programme.state !== 'draft' && <p className="muted small">{t('closed')}</p>
      )}
    </section>
  );
}
