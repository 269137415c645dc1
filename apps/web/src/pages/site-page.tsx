import { roomIsOpen } from '@hallbridge/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePair, useSignOut } from '../api/auth';
import { useSessions } from '../api/sessions';
import { usePrincipal } from '../auth/auth-store';
import { BrandMark } from '../components/brand-mark';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { LanguageSwitch } from '../components/language-switch';
import { QueryState } from '../components/query-state';
import { StateBadge } from '../components/state-badge';
import { SiteLiveAutoOpen } from '../live-views/components/site-live-auto-open';
import { livePaths } from '../live-views/lib/live-paths';
import { sessionTimeRange, splitByEnd } from '../lib/session-time';
import { useNow } from '../lib/use-now';
import './site-page.css';

/** /site — the district room's screen: pair once with the 8-digit code, then show the branch's sessions. */
export function SitePage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const paired = principal?.role === 'site';
  return (
    <div className="kiosk">
      <header className="kiosk__bar">
        <span className="kiosk__brand">
          <BrandMark size={36} />
          <span>{t('common.appName')}</span>
        </span>
        <LanguageSwitch tone="dark" />
      </header>
      <main className="kiosk__main" id="main">
        {paired ? <PairedView name={principal.displayName} /> : <PairingForm />}
      </main>
    </div>
  );
}

function PairingForm() {
  const { t } = useTranslation();
  const pair = usePair();
  const [code, setCode] = useState('');
  const principal = usePrincipal();
  return (
    <form
      className="kiosk__card stack"
      data-testid="pairing-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.length === 8) pair.mutate({ code });
      }}
    >
      <h1>{t('site.pairTitle')}</h1>
      <p>{t('site.pairIntro')}</p>
      {principal && (
        <p className="alert alert--warning">{t('site.replacesSignIn', { name: principal.displayName })}</p>
      )}
      <label htmlFor="pairing-code" className="visually-hidden">
        {t('site.codeLabel')}
      </label>
      <input
        id="pairing-code"
        className="kiosk__code-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{8}"
        maxLength={8}
        placeholder="00000000"
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 8))}
        data-testid="pairing-input"
      />
      <ErrorAlert error={pair.error} />
      <button
        type="submit"
        className="button button--primary button--large button--block"
        disabled={code.length !== 8 || pair.isPending}
        data-testid="pairing-submit"
      >
        {t('site.pair')}
      </button>
    </form>
  );
}

function PairedView({ name }: { name: string }) {
  const { t } = useTranslation();
  const sessions = useSessions();
  const signOut = useSignOut();
  const [confirm, setConfirm] = useState(false);
  const [list] = splitByEnd(sessions.data ?? [], useNow());
  return (
    <div className="kiosk__paired stack stack--loose" data-testid="site-paired">
      <SiteLiveAutoOpen />
      <div>
        <p className="kiosk__label">{t('site.pairedAs')}</p>
        <h1 className="kiosk__site-name" data-testid="site-name">
          {name}
        </h1>
      </div>
      <section aria-labelledby="kiosk-sessions" className="stack">
        <h2 id="kiosk-sessions">{t('site.sessions')}</h2>
        <QueryState
          loading={sessions.isLoading}
          error={sessions.error}
          empty={list.length === 0}
          emptyText={t('site.noSessions')}
        >
          <ul className="kiosk__sessions" data-testid="site-session-list">
            {list.map((s) => (
              <li key={s.id} className={`kiosk__session kiosk__session--${s.state}`}>
                <span className="kiosk__session-title">{s.title}</span>
                <span>{sessionTimeRange(s.startsAt, s.endsAt)}</span>
                <StateBadge state={s.state} />
                {roomIsOpen(s.state) && (
                  <Link
                    to={livePaths.site(s.id)}
                    className={`button ${s.state === 'live' ? 'button--primary' : 'button--on-dark'}`}
                    data-testid="site-open-live"
                  >
                    {s.state === 'live' ? t('live.open.siteLive') : t('live.open.room')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </QueryState>
      </section>
      <p className="kiosk__footer">
        <button
          type="button"
          className="button button--small button--on-dark"
          onClick={() => setConfirm(true)}
        >
          {t('site.unpair')}
        </button>
      </p>
      {confirm && (
        <ConfirmDialog
          title={t('site.unpair')}
          message={t('site.unpairMessage')}
          confirmLabel={t('site.unpair')}
          danger
          onConfirm={() => {
            signOut();
            setConfirm(false);
          }}
          onClose={() => setConfirm(false)}
        />
      )}
    </div>
  );
}
