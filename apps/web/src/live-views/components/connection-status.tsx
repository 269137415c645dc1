import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../live/live-connection';

/** A dot and a word: connected, connecting, reconnecting, or disconnected. */
export function ConnectionStatusBadge({
  status,
  tone = 'light',
}: {
  status: ConnectionStatus;
  tone?: 'light' | 'dark';
}) {
  const { t } = useTranslation();
  return (
    <span
      className={`live-status live-status--${status} live-status--${tone}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-status={status}
    >
      <span className="live-status__dot" aria-hidden="true" />
      {t(`live.status.${status}`)}
    </span>
  );
}

/** A thin banner while the connection is being restored; the room catches up by itself. */
export function ReconnectBanner({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  if (status !== 'reconnecting') return null;
  return (
    <p className="live-banner live-banner--reconnecting" role="status" data-testid="reconnect-banner">
      {t('live.status.reconnectingBanner')}
    </p>
  );
}
