import type { FeedbackAnswersBody, FeedbackQuestion, FeedbackSurvey } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { QueryState } from '../components/query-state';
import { formatDateTime } from '../i18n/format';
import { FeedbackRating } from './feedback-rating';
import { useAnswerFeedback, useSessionFeedback } from './feedback-api';
import './feedback.css';

type Answer = number | string;
type Answers = Record<string, Answer | Record<string, Answer>>;

/** /me/sessions/:id/feedback — the anonymous survey after the session, on a phone. */
export function MemberFeedbackPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  const { t: tr } = useTranslation();
  const { id = '' } = useParams();
  const query = useSessionFeedback(id);
  const survey = query.data?.survey;
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      <article className="stack stack--loose" data-testid="member-feedback">
        <Link to={`/me/sessions/${id}`} className="back-link back-link--large">
          <span aria-hidden="true">← </span>
          {tr('me.allSessions')}
        </Link>
        <h1>{t('title')}</h1>
        {query.data?.answered ? (
          <p className="alert alert--success" role="status" data-testid="feedback-thanks">
            {t('thanks')}
          </p>
        ) : !survey || !survey.open ? (
          <p className="alert alert--info" data-testid="feedback-closed">
            {t('closed')}
          </p>
        ) : (
          <SurveyForm sessionId={id} survey={survey} />
        )}
      </article>
    </QueryState>
  );
}

function SurveyForm({ sessionId, survey }: { sessionId: string; survey: FeedbackSurvey }) {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  const [answers, setAnswers] = useState<Answers>({});
  const send = useAnswerFeedback(sessionId);
  const set = (q: FeedbackQuestion, presenterId: string | null, value: Answer) =>
    setAnswers((a) =>
      presenterId === null
        ? { ...a, [q.id]: value }
        : { ...a, [q.id]: { ...(a[q.id] as Record<string, Answer> | undefined), [presenterId]: value } },
    );
  const get = (q: FeedbackQuestion, presenterId: string | null) =>
    presenterId === null
      ? (answers[q.id] as Answer | undefined)
      : (answers[q.id] as Record<string, Answer>)?.[presenterId];
  // One item per question, or per question and presenter where it is asked about each presenter.
  const items = survey.questions.flatMap<{
    q: FeedbackQuestion;
    presenterId: string | null;
    about: string | null;
  }>((q) =>
    q.perPresenter
      ? survey.presenters.map((p) => ({ q, presenterId: p.userId, about: p.displayName }))
      : [{ q, presenterId: null, about: null }],
  );
  return (
    <form
      className="stack stack--loose"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate({ answers: withoutBlanks(answers) });
      }}
    >
      <p className="muted">{t('anonymous')}</p>
      <p className="muted small">
        {t('closesAt', { time: formatDateTime(survey.closesAt) })} · {t('skip')}
      </p>
      {items.map(({ q, presenterId, about }) => {
        const text = about ? `${q.text} — ${t('about', { name: about })}` : q.text;
        const testId = `feedback-${q.id}${presenterId ? `-${presenterId}` : ''}`;
        const value = get(q, presenterId);
        return q.kind === 'rating' ? (
          <FeedbackRating
            key={testId}
            legend={text}
            value={typeof value === 'number' ? value : undefined}
            onChange={(v) => set(q, presenterId, v)}
            testId={testId}
          />
        ) : (
          <FormField key={testId} label={text}>
            {(c) => (
              <textarea
                {...c}
                rows={4}
                maxLength={2000}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(q, presenterId, e.target.value)}
                data-testid={testId}
              />
            )}
          </FormField>
        );
      })}
      <ErrorAlert error={send.error} />
      <button
        type="submit"
        className="button button--primary button--large button--block"
        disabled={send.isPending}
        data-testid="feedback-send"
      >
        {t('send')}
      </button>
    </form>
  );
}

/** Empty texts are skipped questions, not answers. */
function withoutBlanks(answers: Answers): FeedbackAnswersBody['answers'] {
  const out: FeedbackAnswersBody['answers'] = {};
  const keep = (v: Answer) => typeof v === 'number' || v.trim() !== '';
  for (const [id, v] of Object.entries(answers)) {
    if (typeof v === 'object') {
      const inner = Object.fromEntries(Object.entries(v).filter(([, x]) => keep(x)));
      if (Object.keys(inner).length > 0) out[id] = inner;
    } else if (keep(v)) out[id] = v;
  }
  return out;
}
