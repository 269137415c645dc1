import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { usePrincipal } from '../../auth/auth-store';
import { livePaths } from '../lib/live-paths';

type Audience = 'staff' | 'member' | 'site';

/**
 * Each kind of viewer has its own live view: a member who opens the presenter's address lands in
 * the member view, a room screen in the site view; signed-out staff go to sign-in and come back.
 */
export function LiveRoleGate({
  sessionId,
  audience,
  children,
}: {
  sessionId: string;
  audience: Audience;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const location = useLocation();
  if (!principal) {
    if (audience === 'site') return <Navigate to="/site" replace />;
    if (audience === 'staff')
      return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
    return (
      <div className="live-closed" data-testid="member-signed-out">
        <h1>{t('me.signedOutTitle')}</h1>
        <p>{t('me.signedOutText')}</p>
      </div>
    );
  }
  const own: Audience = principal.role === 'member' ? 'member' : principal.role === 'site' ? 'site' : 'staff';
  if (own === audience) return <>{children}</>;
  if (own === 'member') return <Navigate to={livePaths.member(sessionId)} replace />;
  if (own === 'site') return <Navigate to={livePaths.site(sessionId)} replace />;
  return <Navigate to={livePaths.console(sessionId)} replace />;
}
