import type { Poll, PollTally } from '@hallbridge/contracts';
import { ratingMaxOf } from '@hallbridge/domain';
import { useTranslation } from 'react-i18next';
import type { RunCommand } from '../hooks/use-live-command';
import { PollChart } from './poll-chart';

interface PollControlRowProps {
  poll: Poll;
  tally: PollTally | undefined;
  /** The session is live (polls open only then; drafts can be prepared before). */
  live: boolean;
  canRun: boolean;
  pending: boolean;
  expanded: boolean;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
  run: RunCommand;
}

/** One poll in the launcher: its state, open/close, results on/off, and its live chart. */
export function PollControlRow(props: PollControlRowProps) {
  const { t } = useTranslation();
  const { poll, tally, live, canRun, pending, run } = props;
  const open = poll.status === 'open';
  const off = !canRun || pending;
  return (
    <li
      className={`poll-row poll-row--${poll.status}`}
      data-testid="poll-row"
      data-poll-id={poll.id}
      data-status={poll.status}
      data-results={poll.resultsVisible ? 'shown' : 'hidden'}
    >
      <div className="poll-row__head">
        <button
          type="button"
          className="poll-row__title"
          aria-expanded={props.expanded}
          onClick={props.onToggle}
          data-testid="poll-row-toggle"
        >
          <span className={`chip poll-status poll-status--${poll.status}`}>
            {t(`live.polls.status.${poll.status}`)}
          </span>
          <span className="poll-row__question">{poll.question}</span>
          <span className="muted small">
            {t(`polls.kinds.${poll.kind}`)}
            {tally ? ` · ${t('live.polls.respondents', { count: tally.respondents })}` : ''}
          </span>
        </button>
        {canRun && (
          <div className="poll-row__actions">
            {!open && live && (
              <button
                type="button"
                className="button button--small button--primary"
                disabled={off}
                onClick={() => run('poll:open', { pollId: poll.id })}
                data-testid="poll-open"
              >
                {poll.status === 'closed' ? t('live.polls.reopen') : t('live.polls.open')}
              </button>
            )}
            {open && (
              <button
                type="button"
                className="button button--small"
                disabled={off}
                onClick={() => run('poll:close', { pollId: poll.id })}
                data-testid="poll-close"
              >
                {t('live.polls.close')}
              </button>
            )}
            {poll.status !== 'draft' && (
              <button
                type="button"
                className="button button--small"
                aria-pressed={poll.resultsVisible}
                disabled={off}
                onClick={() => run('poll:results', { pollId: poll.id, visible: !poll.resultsVisible })}
                data-testid="poll-results-toggle"
              >
                {poll.resultsVisible ? t('live.polls.hideResults') : t('live.polls.showResults')}
              </button>
            )}
            {poll.status === 'draft' && (
              <button
                type="button"
                className="button button--small"
                disabled={off}
                onClick={props.onEdit}
                data-testid="poll-edit"
              >
                {t('common.edit')}
              </button>
            )}
            {!open && (
              <button
                type="button"
                className="button button--small button--ghost button--danger-text"
                disabled={off}
                onClick={props.onDelete}
                data-testid="poll-delete"
              >
                {t('common.delete')}
              </button>
            )}
          </div>
        )}
      </div>
      {props.expanded && poll.status !== 'draft' && <PollChart poll={poll} tally={tally} />}
      {props.expanded && poll.status === 'draft' && poll.kind === 'rating' && (
        <p className="muted small">{t('live.polls.ratingScale', { max: ratingMaxOf(poll) })}</p>
      )}
      {props.expanded && poll.status === 'draft' && poll.options.length > 0 && (
        <ul className="poll-row__options small">
          {poll.options.map((o) => (
            <li key={o.id}>
              {o.label}{' '}
              {poll.correctOptionIds?.includes(o.id) && (
                <span className="chip chip--ok">{t('polls.correct')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
