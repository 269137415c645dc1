import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet } from 'react-router';
import { usePrincipal } from '../auth/auth-store';
import { homeOf } from '../auth/roles';
import { BrandMark } from '../components/brand-mark';
import { LanguageSwitch } from '../components/language-switch';
import './member-layout.css';

/** Members on their phones: a slim header, one column, large tap targets. */
export function MemberShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="member-shell">
      <header className="member-bar">
        <Link to="/me" className="member-bar__brand">
          <BrandMark size={28} />
          <span>{t('common.appName')}</span>
        </Link>
        <LanguageSwitch tone="dark" />
      </header>
      <main className="member-main" id="main">
        {children}
      </main>
    </div>
  );
}

/** The member's pages under /me, for members only. */
export function MemberLayout() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  if (principal && principal.role !== 'member') return <Navigate to={homeOf(principal)} replace />;
  return (
    <MemberShell>
      {principal ? (
        <Outlet />
      ) : (
        <div className="member-card stack" data-testid="member-signed-out">
          <h1>{t('me.signedOutTitle')}</h1>
          <p>{t('me.signedOutText')}</p>
        </div>
      )}
    </MemberShell>
  );
}
