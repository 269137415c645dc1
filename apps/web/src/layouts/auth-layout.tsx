import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/brand-mark';
import { LanguageSwitch } from '../components/language-switch';
import './auth-layout.css';

/** Sign-in and first-run setup: one card on a quiet background. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-page__top">
        <LanguageSwitch />
      </div>
      <main className="auth-card">
        <div className="auth-card__brand">
          <BrandMark />
          <div>
            <p className="auth-card__app">{t('common.appName')}</p>
            <p className="auth-card__tagline">{t('nav.tagline')}</p>
          </div>
        </div>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </main>
    </div>
  );
}
