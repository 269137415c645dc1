import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignOut } from '../api/auth';
import { useSessions } from '../api/sessions';
import { usePrincipal } from '../auth/auth-store';
import { QueryState } from '../components/query-state';
import { SessionList } from '../components/session-list';
import { splitByEnd } from '../lib/session-time';
import { useNow } from '../lib/use-now';
import { MemberHistorySummary, MemberMaterials, MessageLanguage } from '../notifications/me-sections';
import { MeReflectionsSlot } from './me-reflections-slot';

/**
 * The member's personal page, opened from a per-session join link or the long-lived personal link:
 * their sessions, the materials, their reflections and their attendance record.
 */
export function MePage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const signOut = useSignOut();
  const sessions = useSessions();
  const list = sessions.data ?? [];
  const [current, other] = splitByEnd(list, useNow());
  return (
    <div className="stack stack--loose">
      <div>
        <p className="muted">{t('me.greeting')}</p>
        <h1 className="member-name" data-testid="member-name">
          {principal?.displayName}
        </h1>
      </div>
      <QueryState
        loading={sessions.isLoading}
        error={sessions.error}
        empty={list.length === 0}
        emptyText={t('me.noSessions')}
      >
        {current.length > 0 && (
          <section aria-labelledby="me-upcoming" className="stack">
            <h2 id="me-upcoming" className="section-title">
              {t('me.upcoming')}
            </h2>
            <SessionList
              sessions={current}
              hrefOf={(s) => `/me/sessions/${s.id}`}
              testId="member-session-list"
              compact
            />
          </section>
        )}
        {other.length > 0 && (
          <section aria-labelledby="me-past" className="stack">
            <h2 id="me-past" className="section-title">
              {t('me.past')}
            </h2>
            <SessionList
              sessions={other}
              hrefOf={(s) => `/me/sessions/${s.id}`}
              testId="member-session-list-past"
              compact
            />
          </section>
        )}
      </QueryState>
      <MemberMaterials sessions={list} />
      <MeReflectionsSlot sessions={other} />
      <MemberHistorySummary />
      <div className="stack stack--tight">
        <Link to="/checkin" className="button button--ghost button--block" data-testid="me-check-in">
          {t('attendance.checkIn.typeTitle')}
        </Link>
      </div>
      <MessageLanguage />
      <p className="muted small me-not-you">
        {t('me.notYou', { name: principal?.displayName ?? '' })}{' '}
        <button type="button" className="link-button" onClick={signOut} data-testid="member-sign-out">
          {t('me.signOut')}
        </button>
      </p>
    </div>
  );
}
