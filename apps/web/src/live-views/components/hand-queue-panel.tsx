import { LIVE_MAX_FLOOR, type LiveSnapshot } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';
import { FloorHoldersList } from './floor-holders-list';
import { HandQueueList } from './hand-queue-list';

interface HandQueuePanelProps {
  snapshot: LiveSnapshot;
  connection: LiveConnection | null;
  canRun: boolean;
}

/** Raised hands in order, giving and taking back the floor (with or without camera). */
export function HandQueuePanel({ snapshot, connection, canRun }: HandQueuePanelProps) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const live = snapshot.state === 'live';
  const full = snapshot.floor.length >= snapshot.settings.maxFloor;
  return (
    <section className="panel stack" aria-labelledby="hands-title" data-testid="hand-panel">
      <div className="panel__header">
        <h2 id="hands-title">
          {t('live.hands.title')}{' '}
          <span className="chip" data-testid="hand-count" data-count={snapshot.hands.length}>
            {snapshot.hands.length}
          </span>
        </h2>
        {canRun && (
          <label className="check small">
            {t('live.floor.max')}
            <select
              className="input--short"
              value={snapshot.settings.maxFloor}
              disabled={pending}
              onChange={(e) =>
                void run('settings:update', { settings: { maxFloor: Number(e.target.value) } })
              }
              data-testid="floor-max-select"
            >
              {Array.from({ length: LIVE_MAX_FLOOR }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <div className="stack stack--tight">
        <h3 className="section-title">{t('live.floor.title')}</h3>
        <FloorHoldersList
          floor={snapshot.floor}
          disabled={pending}
          onRevoke={canRun ? (f) => void run('floor:revoke', { key: f.key }) : undefined}
        />
      </div>
      <HandQueueList
        hands={snapshot.hands}
        actions={
          canRun
            ? (h) => (
                <>
                  <button
                    type="button"
                    className="button button--small button--primary"
                    disabled={pending || !live || full}
                    title={full ? t('live.floor.full') : undefined}
                    onClick={() => void run('floor:grant', { key: h.key, withCamera: false })}
                    data-testid="floor-grant"
                  >
                    {t('live.floor.grant')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={pending || !live || full}
                    onClick={() => void run('floor:grant', { key: h.key, withCamera: true })}
                    data-testid="floor-grant-camera"
                  >
                    {t('live.floor.grantCamera')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    disabled={pending}
                    onClick={() => void run('hand:lower', { key: h.key })}
                    data-testid="hand-dismiss"
                  >
                    {t('live.hands.dismiss')}
                  </button>
                </>
              )
            : undefined
        }
      />
      {canRun && full && snapshot.hands.length > 0 && <p className="muted small">{t('live.floor.full')}</p>}
    </section>
  );
}
