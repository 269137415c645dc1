import type { FeedbackSurvey } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../api/sessions';
import { usePrincipal } from '../auth/auth-store';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { formatDateTime } from '../i18n/format';
import { fromLocalInput, toLocalInput } from '../lib/datetime';
import { FeedbackQuestionResults } from './feedback-results-view';
import {
  useCreateTemplate,
  useFeedbackResults,
  useFeedbackTemplates,
  useOpenFeedback,
  useSessionFeedback,
} from './feedback-api';
import './feedback.css';

/** Organisers open the survey from a template; they and the session's presenters read the results. */
export function SessionFeedbackPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  const { t: tr } = useTranslation();
  const { id = '' } = useParams();
  const principal = usePrincipal();
  const organiser = principal?.role === 'organiser';
  const session = useSession(id);
  const feedback = useSessionFeedback(id);
  const survey = feedback.data?.survey ?? null;
  const results = useFeedbackResults(id, !!survey);
  return (
    <QueryState loading={session.isLoading || feedback.isLoading} error={session.error ?? feedback.error}>
      {session.data && (
        <div className="stack stack--loose" data-testid="session-feedback">
          <p>
            <Link to={`/sessions/${id}`} className="back-link">
              <span aria-hidden="true">← </span>
              {tr('sessions.backToList')}
            </Link>
          </p>
          <PageHeader title={t('manage.title')} subtitle={session.data.title} />
          {survey && (
            <p className="muted" data-testid="feedback-survey">
              {survey.templateName} · {t('closesAt', { time: formatDateTime(survey.closesAt) })}
            </p>
          )}
          {organiser && <OpenSurveyForm sessionId={id} survey={survey} sessionEndsAt={session.data.endsAt} />}
          {survey && (
            <section className="stack" aria-labelledby="feedback-results-title">
              <h2 id="feedback-results-title" className="section-title">
                {t('manage.responses', { count: results.data?.responses ?? 0 })}
              </h2>
              <QueryState loading={results.isLoading} error={results.error}>
                {results.data?.hidden ? (
                  <p className="alert alert--info" data-testid="feedback-hidden">
                    {t('manage.hidden', { min: results.data.minimumShown })}
                  </p>
                ) : (
                  results.data && (
                    <FeedbackQuestionResults questions={results.data.questions} presenterLinks={organiser} />
                  )
                )}
              </QueryState>
            </section>
          )}
        </div>
      )}
    </QueryState>
  );
}

/** Pick a template (or make the default one from the catalogue) and the closing time. */
function OpenSurveyForm(props: { sessionId: string; survey: FeedbackSurvey | null; sessionEndsAt: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  const templates = useFeedbackTemplates(true);
  const create = useCreateTemplate();
  const open = useOpenFeedback(props.sessionId);
  const usable = (templates.data ?? []).filter((x) => !x.archived);
  const [templateId, setTemplateId] = useState('');
  const [closesAt, setClosesAt] = useState(
    toLocalInput(props.survey?.closesAt ?? new Date(Date.parse(props.sessionEndsAt) + 7 * 86_400_000)),
  );
  const chosen = templateId || usable[0]?.id || '';
  const createDefault = () =>
    create.mutate(
      {
        name: t('defaultTemplate.name'),
        questions: [
          { id: 'clarity', kind: 'rating', text: t('defaultTemplate.clarity'), perPresenter: true },
          { id: 'discussion', kind: 'rating', text: t('defaultTemplate.discussion'), perPresenter: false },
          { id: 'change', kind: 'text', text: t('defaultTemplate.change'), perPresenter: false },
        ],
      },
      { onSuccess: (made) => setTemplateId(made.id) },
    );
  return (
    <form
      className="panel stack"
      data-testid="feedback-open-form"
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate({ templateId: chosen, closesAt: fromLocalInput(closesAt) ?? '' });
      }}
    >
      <div className="form-row form-row--end">
        <FormField label={t('manage.template')} required>
          {(c) => (
            <select
              {...c}
              value={chosen}
              required
              onChange={(e) => setTemplateId(e.target.value)}
              data-testid="feedback-template"
            >
              {usable.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button
          type="button"
          className="button button--ghost"
          onClick={createDefault}
          disabled={create.isPending}
          data-testid="feedback-create-default"
        >
          {t('manage.createDefault')}
        </button>
      </div>
      <FormField label={t('manage.closesAt')} required>
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            required
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            data-testid="feedback-closes-at"
          />
        )}
      </FormField>
      <ErrorAlert error={templates.error ?? create.error ?? open.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={open.isPending || !chosen}
          data-testid="feedback-open"
        >
          {t('manage.openSurvey')}
        </button>
      </div>
    </form>
  );
}
