import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { formatDate } from '../i18n/format';
import { FeedbackQuestionResults } from './feedback-results-view';
import { usePresenterFeedback } from './feedback-api';
import './feedback.css';

/** /feedback/presenters/:id — a presenter's results across the sessions that had enough answers. */
export function PresenterFeedbackPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  const { id = '' } = useParams();
  const query = usePresenterFeedback(id);
  const data = query.data;
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {data && (
        <div className="stack stack--loose" data-testid="presenter-feedback">
          <PageHeader title={t('manage.title')} subtitle={data.displayName} />
          {data.sessions.length === 0 && <p className="empty-state">{t('manage.noSessions')}</p>}
          {data.sessions.map((s) => (
            <section key={s.sessionId} className="stack" aria-labelledby={`pf-${s.sessionId}`}>
              <h2 id={`pf-${s.sessionId}`} className="section-title">
                <Link to={`/sessions/${s.sessionId}/feedback`}>{s.title}</Link>{' '}
                <span className="muted small">
                  {formatDate(s.startsAt)} · {t('manage.responses', { count: s.responses })}
                </span>
              </h2>
              <FeedbackQuestionResults questions={s.questions} presenterLinks={false} />
            </section>
          ))}
        </div>
      )}
    </QueryState>
  );
}
