import type { FloorHolder } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/use-now';
import { waitingMinutes } from './hand-queue-list';

interface FloorHoldersListProps {
  floor: readonly FloorHolder[];
  onRevoke?: (holder: FloorHolder) => void;
  disabled?: boolean;
}

/** Who holds the floor now, for how long, and (for those who run the room) taking it back. */
export function FloorHoldersList({ floor, onRevoke, disabled }: FloorHoldersListProps) {
  const { t } = useTranslation();
  const now = useNow(10_000);
  if (floor.length === 0) return <p className="muted small">{t('live.floor.nobody')}</p>;
  return (
    <ul className="floor-list plain-list" data-testid="floor-list">
      {floor.map((f) => (
        <li
          key={f.key}
          className="floor-row"
          data-testid="floor-row"
          data-key={f.key}
          data-camera={f.withCamera}
        >
          <span className="floor-row__mic" aria-hidden="true" />
          <span className="floor-row__who">
            <strong>{f.name}</strong>
            <span className="muted small">
              {f.unitName} · {t('live.floor.since', { minutes: waitingMinutes(f.since, now) })}
              {f.withCamera && ` · ${t('live.floor.withCamera')}`}
            </span>
          </span>
          {onRevoke && (
            <button
              type="button"
              className="button button--small"
              disabled={disabled}
              onClick={() => onRevoke(f)}
              data-testid="floor-revoke"
            >
              {t('live.floor.revoke')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
