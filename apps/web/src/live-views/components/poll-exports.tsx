import type { Poll } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/http';
import { ErrorAlert } from '../../components/error-alert';

const files = [
  { kind: 'summary', path: 'polls.csv' },
  { kind: 'answers', path: 'poll-answers.csv' },
  { kind: 'quiz', path: 'quiz-scores.csv' },
] as const;

/** The session's poll results as CSV files (for Excel): per option, per answer, quiz scores. */
export function PollExports({ sessionId, polls }: { sessionId: string; polls: readonly Poll[] }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const launched = polls.filter((p) => p.status !== 'draft');
  if (launched.length === 0) return null;
  const hasQuiz = launched.some((p) => p.kind === 'quiz');
  return (
    <div className="stack stack--tight" data-testid="poll-exports">
      <div className="toolbar">
        <span className="small muted">{t('live.polls.exports.title')}</span>
        {files
          .filter((f) => f.kind !== 'quiz' || hasQuiz)
          .map((f) => (
            <button
              key={f.kind}
              type="button"
              className="button button--small"
              onClick={() => {
                setError(null);
                download(
                  `/sessions/${sessionId}/${f.path}`,
                  `${t('live.polls.exports.fileName')}-${f.kind}-${sessionId}.csv`,
                ).catch(setError);
              }}
              data-testid={`poll-export-${f.kind}`}
            >
              {t(`live.polls.exports.${f.kind}`)}
            </button>
          ))}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
