import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../i18n/format';
import { useSessionFeedback } from './feedback-api';

/** On the member's session page: the way to the survey while it is open, or thanks once answered. */
export function FeedbackCallCard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  const query = useSessionFeedback(sessionId);
  const survey = query.data?.survey;
  if (!survey || (!survey.open && !query.data?.answered)) return null;
  return (
    <section className="member-card stack stack--tight" aria-labelledby="feedback-call">
      <h2 id="feedback-call" className="section-title">
        {t('title')}
      </h2>
      {query.data?.answered ? (
        <p data-testid="feedback-answered">{t('thanks')}</p>
      ) : (
        <>
          <p>{t('closesAt', { time: formatDateTime(survey.closesAt) })}</p>
          <Link
            to={`/me/sessions/${sessionId}/feedback`}
            className="button button--primary button--large button--block"
            data-testid="open-feedback"
          >
            {t('open')}
          </Link>
        </>
      )}
    </section>
  );
}
