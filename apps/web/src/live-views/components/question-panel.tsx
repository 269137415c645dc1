import type { LiveSnapshot } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';
import { QuestionList } from './question-list';

type Filter = 'open' | 'pending' | 'all';

/** Q&A for those who run the room: sorted by votes, with moderation and the moderation setting. */
export function QuestionPanel({
  snapshot,
  connection,
  canRun,
}: {
  snapshot: LiveSnapshot;
  connection: LiveConnection | null;
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const [filter, setFilter] = useState<Filter>('open');
  const pendingCount = snapshot.questions.filter((q) => q.status === 'pending').length;
  const shown = snapshot.questions.filter((q) =>
    filter === 'all'
      ? true
      : filter === 'pending'
        ? q.status === 'pending'
        : q.status !== 'hidden' && q.status !== 'answered',
  );
  return (
    <section className="panel stack" aria-labelledby="questions-title" data-testid="question-panel">
      <div className="panel__header">
        <h2 id="questions-title">{t('live.questions.title')}</h2>
        <div className="segmented" role="group" aria-label={t('live.questions.filter')}>
          {(['open', 'pending', 'all'] as Filter[]).map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
              data-testid={`question-filter-${f}`}
            >
              {t(`live.questions.filters.${f}`)}
              {f === 'pending' && pendingCount > 0 ? ` (${pendingCount})` : ''}
            </button>
          ))}
        </div>
      </div>
      {canRun && (
        <label className="check">
          <input
            type="checkbox"
            checked={snapshot.settings.questionsModerated}
            disabled={pending}
            onChange={(e) =>
              void run('settings:update', { settings: { questionsModerated: e.target.checked } })
            }
            data-testid="questions-moderated-toggle"
          />
          {t('live.questions.moderated')}
        </label>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <QuestionList
        questions={shown}
        disabled={pending}
        onModerate={
          canRun ? (q, status) => void run('question:moderate', { questionId: q.id, status }) : undefined
        }
      />
    </section>
  );
}
