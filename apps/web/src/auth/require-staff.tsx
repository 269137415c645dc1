import type { Role } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { usePrincipal } from './auth-store';
import { homeOf, staffRoles } from './roles';

/** Staff pages: signed-out visitors go to sign-in (and come back), members and room screens to their own views. */
export function RequireStaff({ roles = staffRoles }: { roles?: readonly Role[] }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const location = useLocation();
  if (!principal)
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (!staffRoles.includes(principal.role)) return <Navigate to={homeOf(principal)} replace />;
  if (!roles.includes(principal.role))
    return (
      <div className="alert alert--error" role="alert">
        {t('errors.FORBIDDEN')}
      </div>
    );
  return <Outlet />;
}
