import { roomIsOpen } from '@hallbridge/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../api/sessions';
import { usePrincipal } from '../auth/auth-store';
import { MaterialsPanel } from '../components/materials-panel';
import { QueryState } from '../components/query-state';
import { SessionFacts } from '../components/session-facts';
import { StateBadge } from '../components/state-badge';
import { livePaths } from '../live-views/lib/live-paths';
import { FeedbackCallCard } from '../feedback/feedback-call-card';
import { ProgrammeCallCard } from '../programmes/programme-call-card';
import { ReflectionCallCard } from '../reflections/reflection-call-card';

/** One session as a member sees it on a phone: what, when, how, who speaks, and what to read first. */
export function MeSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const principal = usePrincipal();
  const session = useSession(id);
  const s = session.data;
  return (
    <QueryState loading={session.isLoading} error={session.error}>
      {s && (
        <article className="stack stack--loose" data-testid="member-session">
          <Link to="/me" className="back-link back-link--large">
            <span aria-hidden="true">← </span>
            {t('me.allSessions')}
          </Link>
          <header className="stack stack--tight">
            <p className="muted">{t('me.invitedAs', { name: principal?.displayName ?? '' })}</p>
            <h1 data-testid="member-session-title">{s.title}</h1>
            <div>
              <StateBadge state={s.state} />
            </div>
          </header>
          <div className="member-card">
            <SessionFacts session={s} full={false} />
          </div>
          {s.state === 'live' && <p className="alert alert--info">{t('me.liveSoon')}</p>}
          {roomIsOpen(s.state) && (
            <div className="stack stack--tight">
              <Link
                to={livePaths.member(s.id)}
                className="button button--primary button--large button--block"
                data-testid="open-live-room"
              >
                {t('live.open.room')}
              </Link>
              <p className="muted small">{t('live.open.hint')}</p>
            </div>
          )}
          <ReflectionCallCard sessionId={s.id} />
          <FeedbackCallCard sessionId={s.id} />
          <ProgrammeCallCard sessionId={s.id} />
          <MaterialsPanel
            sessionId={s.id}
            materials={s.materials}
            canUpload={false}
            canDelete={false}
            large
          />
        </article>
      )}
    </QueryState>
  );
}
