import type { FeedbackQuestionResult } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../i18n/format';

/** Each question's results: a rating's mean and how the answers spread, or the texts (sorted). */
export function FeedbackQuestionResults({
  questions,
  presenterLinks,
}: {
  questions: FeedbackQuestionResult[];
  /** Link a per-presenter result to the presenter's results across sessions (organisers). */
  presenterLinks: boolean;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  return (
    <ul className="plain-list stack" data-testid="feedback-results">
      {questions.map((q) => (
        <li
          key={`${q.questionId}:${q.presenterId ?? ''}`}
          className="panel stack stack--tight"
          data-testid="feedback-result"
          data-question={q.questionId}
        >
          <h3 className="feedback-question">
            {q.text}
            {q.presenterId && q.presenterName && (
              <span className="muted">
                {' — '}
                {presenterLinks ? (
                  <Link to={`/feedback/presenters/${q.presenterId}`}>
                    {t('about', { name: q.presenterName })}
                  </Link>
                ) : (
                  t('about', { name: q.presenterName })
                )}
              </span>
            )}
          </h3>
          {q.rating ? (
            <>
              <p data-testid="feedback-mean">
                {t('manage.mean', {
                  mean:
                    q.rating.mean === null ? '—' : formatNumber(q.rating.mean, { maximumFractionDigits: 2 }),
                  count: q.rating.count,
                })}
              </p>
              <div className="feedback-bars">
                {q.rating.distribution.map((n, i) => (
                  <RatingBar key={i} value={i + 1} count={n} of={q.rating!.count} />
                ))}
              </div>
            </>
          ) : (
            <ul className="stack stack--tight">
              {q.texts.map((text, i) => (
                <li key={i} className="prewrap">
                  {text}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function RatingBar({ value, count, of }: { value: number; count: number; of: number }) {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  return (
    <>
      <span className="small">{t('rating', { value })}</span>
      <span aria-hidden="true">
        <span className="feedback-bars__bar block" style={{ width: `${of ? (100 * count) / of : 0}%` }} />
      </span>
      <span className="num small">{count}</span>
    </>
  );
}
