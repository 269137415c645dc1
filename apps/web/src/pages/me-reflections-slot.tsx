import type { StudySession } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionFeedback } from '../feedback/feedback-api';
import { formatDateTime } from '../i18n/format';
import { useProgramme } from '../programmes/programmes-api';
import { useMyReflection, useReflectionCall } from '../reflections/reflections-api';
import './me-after.css';

/**
 * The member's part after their sessions on /me (sessions whose time is over): each reflection
 * asked of them (its state, grade and deadline), the surveys still open to them and the programmes
 * open for their comments. A session with nothing of these shows nothing; the section hides itself
 * when no session has anything (me-after.css).
 */
export function MeReflectionsSlot({ sessions }: { sessions: StudySession[] }) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections.me' });
  const ended = sessions.filter((s) => s.state !== 'cancelled');
  if (ended.length === 0) return null;
  return (
    <section aria-labelledby="me-after" className="stack me-after" data-testid="me-after">
      <h2 id="me-after" className="section-title">
        {t('title')}
      </h2>
      <ul className="plain-list stack stack--tight">
        {ended.map((s) => (
          <AfterSession key={s.id} session={s} />
        ))}
      </ul>
    </section>
  );
}

function AfterSession({ session: s }: { session: StudySession }) {
  const { t } = useTranslation();
  const call = useReflectionCall(s.id);
  const asked = !!call.data?.settings?.enabled;
  const mine = useMyReflection(s.id, asked);
  const feedback = useSessionFeedback(s.id);
  const programme = useProgramme(s.id, 'mine');
  const reflection = mine.data?.reflection ?? null;
  const survey = feedback.data?.survey;
  const surveyOpen = !!survey?.open && !feedback.data?.answered;
  const commenting = !!programme.data?.canComment;
  if (!asked && !surveyOpen && !commenting) return null;
  const graded = reflection?.state === 'graded';
  return (
    <li className="member-card stack stack--tight" data-testid="me-after-session" data-session={s.title}>
      <Link to={`/me/sessions/${s.id}`}>{s.title}</Link>
      {asked && call.data?.settings && (
        <div className="stack stack--tight">
          <p data-testid="me-reflection-state" data-state={reflection?.state ?? 'none'}>
            {t(`reflections.state.${reflection?.state ?? 'none'}`)}
            {graded && reflection.review?.gradeLabel
              ? ` · ${t('reflections.write.grade', { grade: reflection.review.gradeLabel })}`
              : ''}
          </p>
          {!graded && (
            <p className="muted small">
              {t('reflections.write.deadline', { deadline: formatDateTime(call.data.settings.deadline) })}
            </p>
          )}
          <Link
            to={`/me/sessions/${s.id}/reflection`}
            className={`button button--block${graded ? '' : ' button--primary'}`}
            data-testid="me-open-reflection"
          >
            {graded ? t('reflections.write.openResult') : t('reflections.write.open')}
          </Link>
        </div>
      )}
      {surveyOpen && (
        <Link
          to={`/me/sessions/${s.id}/feedback`}
          className="button button--block"
          data-testid="me-open-feedback"
        >
          {t('feedback.open')}
        </Link>
      )}
      {commenting && (
        <Link
          to={`/me/sessions/${s.id}/programme`}
          className="button button--block"
          data-testid="me-open-programme"
        >
          {t('programmes.member.comment')}
        </Link>
      )}
    </li>
  );
}
