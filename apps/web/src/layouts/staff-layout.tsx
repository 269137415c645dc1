import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSignOut, useSignOutEverywhere } from '../api/auth';
import { usePrincipal } from '../auth/auth-store';
import { navByRole, navPath } from '../auth/roles';
import { BrandMark } from '../components/brand-mark';
import { ConfirmDialog } from '../components/confirm-dialog';
import { LanguageSwitch } from '../components/language-switch';
import './staff-layout.css';

/** Organisers, secretaries and presenters: a top bar with the menu their role allows. */
export function StaffLayout() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const signOut = useSignOut();
  const everywhere = useSignOutEverywhere();
  const [confirming, setConfirming] = useState(false);
  const navigate = useNavigate();
  const items = principal ? (navByRole[principal.role] ?? []) : [];
  return (
    <div className="staff-shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="topbar">
        <NavLink to="/sessions" className="topbar__brand">
          <BrandMark size={32} />
          <span>{t('common.appName')}</span>
        </NavLink>
        <nav className="topbar__nav" aria-label={t('nav.main')}>
          {items.map((key) => (
            <NavLink key={key} to={navPath[key]} className="topbar__link" data-testid={`nav-${key}`}>
              {t(`nav.${key}`)}
            </NavLink>
          ))}
        </nav>
        <div className="topbar__end">
          <LanguageSwitch tone="dark" />
          {principal && (
            <span className="topbar__user" data-testid="current-user">
              <span className="topbar__user-name">{principal.displayName}</span>
              <span className="topbar__user-role">{t(`roles.${principal.role}`)}</span>
            </span>
          )}
          <button
            type="button"
            className="button button--small button--on-dark"
            data-testid="sign-out"
            onClick={() => {
              signOut();
              navigate('/sign-in');
            }}
          >
            {t('nav.signOut')}
          </button>
          <button
            type="button"
            className="button button--small button--on-dark"
            data-testid="sign-out-everywhere"
            onClick={() => setConfirming(true)}
          >
            {t('nav.signOutEverywhere')}
          </button>
        </div>
      </header>
      <main id="main" className="staff-main">
        <Outlet />
      </main>
      {confirming && (
        <ConfirmDialog
          title={t('nav.signOutEverywhere')}
          message={t('nav.signOutEverywhereMessage')}
          confirmLabel={t('nav.signOutEverywhere')}
          danger
          pending={everywhere.isPending}
          error={everywhere.error}
          onConfirm={() => everywhere.mutate(undefined, { onSuccess: () => navigate('/sign-in') })}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
