import type { Question, QuestionStatus } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import './question-list.css';

interface QuestionListProps {
  questions: readonly Question[];
  /** Audience: upvote buttons (with the viewer's own votes pressed). */
  myVotes?: readonly string[];
  /** The viewer's own questions: shown with their count, never an upvote button. */
  myQuestions?: readonly string[];
  onVote?: (question: Question, vote: boolean) => void;
  /** Moderators: approve, hide, mark answered. */
  onModerate?: (question: Question, status: QuestionStatus) => void;
  disabled?: boolean;
  large?: boolean;
}

const moderation: { status: QuestionStatus; testId: string }[] = [
  { status: 'approved', testId: 'question-approve' },
  { status: 'answered', testId: 'question-answered' },
  { status: 'hidden', testId: 'question-hide' },
];

/** Questions, most upvoted first (the order the room keeps them in). */
export function QuestionList({
  questions,
  myVotes = [],
  myQuestions = [],
  onVote,
  onModerate,
  disabled,
  large,
}: QuestionListProps) {
  const { t } = useTranslation();
  if (questions.length === 0)
    return (
      <p className="muted" data-testid="question-empty">
        {t('live.questions.empty')}
      </p>
    );
  return (
    <ol className={`question-list${large ? ' question-list--large' : ''}`} data-testid="question-list">
      {questions.map((q) => {
        const voted = myVotes.includes(q.id);
        const mine = myQuestions.includes(q.id);
        return (
          <li
            key={q.id}
            className={`question-row question-row--${q.status}`}
            data-testid="question-row"
            data-id={q.id}
            data-votes={q.votes}
            data-status={q.status}
            data-mine={mine || undefined}
          >
            <div className="question-row__votes">
              {onVote && !mine ? (
                <button
                  type="button"
                  className={`question-vote${voted ? ' question-vote--on' : ''}`}
                  aria-pressed={voted}
                  aria-label={t(voted ? 'live.questions.unvote' : 'live.questions.upvote')}
                  disabled={disabled || q.status === 'answered'}
                  onClick={() => onVote(q, !voted)}
                  data-testid="question-upvote"
                >
                  <span aria-hidden="true">▲</span>
                  <span data-testid="question-votes">{q.votes}</span>
                </button>
              ) : (
                <span className="question-vote question-vote--static" data-testid="question-votes">
                  <span aria-hidden="true">▲</span>
                  {q.votes}
                </span>
              )}
            </div>
            <div className="question-row__body">
              <p className="question-row__text">{q.text}</p>
              <p className="muted small">
                {mine
                  ? t('live.questions.mine')
                  : q.authorName
                    ? [q.authorName, q.authorUnitName].filter(Boolean).join(' · ')
                    : t('live.questions.anonymous')}
                {q.status !== 'approved' && (
                  <span className={`chip question-chip question-chip--${q.status}`}>
                    {t(`live.questions.status.${q.status}`)}
                  </span>
                )}
              </p>
              {onModerate && (
                <div className="question-row__actions">
                  {moderation
                    .filter((m) => m.status !== q.status)
                    .map((m) => (
                      <button
                        key={m.status}
                        type="button"
                        className="button button--small"
                        disabled={disabled}
                        onClick={() => onModerate(q, m.status)}
                        data-testid={m.testId}
                      >
                        {t(`live.questions.moderate.${m.status}`)}
                      </button>
                    ))}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
