import { roomIsOpen } from '@hallbridge/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useSession } from '../api/sessions';
import { usePrincipal } from '../auth/auth-store';
import { BrandMark } from '../components/brand-mark';
import { ErrorAlert } from '../components/error-alert';
import { useLiveRoom } from '../live/use-live-room';
import { useCheckInCode } from './attendance-api';
import { CheckInCodeCard } from './check-in-code-card';
import { SiteRosterPanel } from './site-roster-panel';
import './attendance.css';

/**
 * /site/checkin/:sessionId — the district room's screen showing its check-in code. The screen stays
 * joined to the live room meanwhile: members checked in here count as present only while it is.
 */
export function SiteCheckInPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const principal = usePrincipal();
  const session = useSession(sessionId);
  const { view } = useLiveRoom(principal?.role === 'site' ? sessionId : undefined);
  // The live room says when the session ends; until it has joined, the server's answer decides.
  const open = !view.snapshot || roomIsOpen(view.snapshot.state);
  const code = useCheckInCode(principal?.role === 'site' ? sessionId : '', open);
  const [roster, setRoster] = useState(false);
  if (principal?.role !== 'site') return <Navigate to="/site" replace />;
  const closed = code.closed;
  return (
    <div className="check-in-kiosk stack" data-testid="site-check-in">
      <header className="check-in-kiosk__bar">
        <span className="check-in-kiosk__brand">
          <BrandMark size={30} />
          <span>{principal.displayName}</span>
        </span>
        <span>{session.data ? t('attendance.code.kioskTitle', { title: session.data.title }) : null}</span>
        <span className="chip" data-testid="site-check-in-status" data-status={view.status}>
          {view.snapshot ? t('attendance.code.connected') : t('attendance.code.connecting')}
        </span>
        <Link to={`/site/live/${sessionId}`} className="button button--small button--on-dark">
          {t('attendance.code.back')}
        </Link>
      </header>
      <h1>{t('attendance.code.title')}</h1>
      <button
        type="button"
        className="button button--small button--on-dark"
        aria-pressed={roster}
        onClick={() => setRoster((r) => !r)}
        data-testid="site-roster-toggle"
      >
        {t('attendance.code.roster')}
      </button>
      {roster && principal.siteId && <SiteRosterPanel sessionId={sessionId} siteId={principal.siteId} />}
      {code.data ? (
        <CheckInCodeCard code={code.data} receivedAt={code.dataUpdatedAt} />
      ) : closed ? (
        <p className="alert alert--info">{t('attendance.code.closed')}</p>
      ) : code.error ? (
        <>
          <p>{t('attendance.code.unavailable')}</p>
          <ErrorAlert error={code.error} />
        </>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </div>
  );
}
