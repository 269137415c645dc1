import type { MyReflection, Reflection } from '@hallbridge/contracts';
import { countWords, htmlToText } from '@hallbridge/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePrincipal } from '../auth/auth-store';
import { ErrorAlert } from '../components/error-alert';
import { QueryState } from '../components/query-state';
import { formatDateTime, formatTime } from '../i18n/format';
import { ReflectionAttachmentField } from './reflection-attachment-field';
import { ReflectionEditor } from './reflection-editor';
import { ReflectionResult } from './reflection-result';
import { submitReflection, useMyReflection } from './reflections-api';
import type { SyncStatus } from './reflection-sync';
import { useReflectionSync } from './use-reflection-sync';
import './reflections.css';

/** The member writes their reflection on a phone: autosaved here and on the server, then submitted. */
export function MemberReflectionPage() {
  const { id = '' } = useParams();
  const principal = usePrincipal();
  const query = useMyReflection(id);
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {query.data && principal?.memberId && (
        <ReflectionWriter
          sessionId={id}
          memberId={principal.memberId}
          mine={query.data}
          refetch={() => void query.refetch()}
        />
      )}
    </QueryState>
  );
}

function ReflectionWriter({
  sessionId: id,
  memberId,
  mine,
  refetch,
}: {
  sessionId: string;
  memberId: string;
  mine: MyReflection;
  refetch: () => void;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections.write' });
  const queryClient = useQueryClient();
  const { sync, start, status, replaceWith } = useReflectionSync(id, memberId, mine);
  const [reflection, setReflection] = useState<Reflection | null>(null);
  const [words, setWords] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = reflection ?? mine?.reflection ?? null;
  const closed = current?.state === 'graded' ? 'graded' : (mine?.closedReason ?? null);
  const minWords = mine.settings.minWords;
  const shownWords = words ?? countWords(htmlToText(start.body));

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const version = await sync.flush();
      const submitted = await submitReflection(id, version);
      sync.adopt(submitted);
      setReflection(submitted);
      await queryClient.invalidateQueries({ queryKey: ['reflections', id, 'call'] });
    } catch (e) {
      setError((e as { cause?: unknown }).cause ?? e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <article
      className="stack stack--loose"
      data-testid="member-reflection"
      data-state={current?.state ?? 'none'}
    >
      <Link to={`/me/sessions/${id}`} className="back-link back-link--large">
        <span aria-hidden="true">← </span>
        {t('back')}
      </Link>
      <header className="stack stack--tight">
        <p className="muted">{mine.sessionTitle}</p>
        <h1>{t('open')}</h1>
        <p data-testid="reflection-deadline">
          {t('deadline', { deadline: formatDateTime(mine.settings.deadline) })}
        </p>
      </header>
      {current?.review && <ReflectionResult reflection={current} />}
      {mine.settings.questions.length > 0 && (
        <section className="member-card stack stack--tight" aria-labelledby="reflection-questions">
          <h2 id="reflection-questions" className="section-title">
            {t('questions')}
          </h2>
          <ul className="reflection-questions">
            {mine.settings.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      )}
      {start.restored && <p className="alert alert--info">{t('restored')}</p>}
      {start.serverNewer && <p className="alert alert--warning">{t('serverNewer')}</p>}
      {closed && (
        <p className="alert alert--info" data-testid="reflection-closed">
          {t(`closed.${closed}`)}
        </p>
      )}
      <ReflectionEditor
        initial={start.body}
        editable={!closed}
        replaceWith={replaceWith}
        onChange={(html, text) => {
          sync.change(html);
          setWords(countWords(text));
        }}
      />
      <div className="reflection-meta">
        <span
          data-testid="reflection-words"
          className={shownWords < minWords ? 'reflection-meta__short' : ''}
        >
          {minWords > 0
            ? t('wordsMin', { count: shownWords, min: minWords })
            : t('words', { count: shownWords })}
        </span>
        <SaveStatus status={status} />
      </div>
      {!closed && (
        <ReflectionAttachmentField
          sessionId={id}
          attachment={current?.attachment ?? null}
          onChange={(r) => {
            if (r) {
              sync.adopt(r);
              setReflection(r);
            } else refetch();
          }}
        />
      )}
      {current?.submittedAt && (
        <p className="muted" data-testid="reflection-submitted">
          {t('submitted', { time: formatDateTime(current.submittedAt) })}
        </p>
      )}
      {current?.state === 'submitted' && current.changedSinceSubmit && (
        <p className="alert alert--warning">{t('changedSinceSubmit')}</p>
      )}
      <ErrorAlert error={error} />
      {!closed && (
        <button
          type="button"
          className="button button--primary button--large button--block"
          data-testid="reflection-submit"
          disabled={submitting || shownWords < minWords || shownWords === 0}
          onClick={() => void submit()}
        >
          {current?.submittedAt ? t('resubmit') : t('submit')}
        </button>
      )}
      {!closed && shownWords < minWords && <p className="muted small">{t('tooShort', { min: minWords })}</p>}
    </article>
  );
}

function SaveStatus({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections.write.status' });
  const text =
    status.kind === 'saved'
      ? t('saved', { time: formatTime(status.at) })
      : status.kind === 'error'
        ? t('error', { message: (status.error as Error)?.message ?? '' })
        : t(status.kind);
  return (
    <span role="status" aria-live="polite" data-testid="reflection-save-status" data-status={status.kind}>
      {text}
    </span>
  );
}
