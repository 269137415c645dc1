import type { Hand } from '@hallbridge/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/use-now';
import './hand-queue-list.css';

export const waitingMinutes = (raisedAt: number, now: number) =>
  Math.max(0, Math.floor((now - raisedAt) / 60_000));

interface HandQueueListProps {
  hands: readonly Hand[];
  /** The viewer's own row is marked. */
  myKey?: string | null;
  /** Buttons for those who run the room (give the floor, lower the hand). */
  actions?: (hand: Hand) => ReactNode;
}

/** Raised hands in the order they were raised, with how long each has been waiting. */
export function HandQueueList({ hands, myKey, actions }: HandQueueListProps) {
  const { t } = useTranslation();
  const now = useNow(10_000);
  if (hands.length === 0)
    return (
      <p className="muted" data-testid="hand-queue-empty">
        {t('live.hands.empty')}
      </p>
    );
  return (
    <ol className="hand-queue" data-testid="hand-queue">
      {hands.map((h, i) => (
        <li
          key={h.key}
          className={`hand-row${h.key === myKey ? ' hand-row--mine' : ''}`}
          data-testid="hand-row"
          data-key={h.key}
          data-role={h.role}
        >
          <span className="hand-row__place" aria-hidden="true">
            {i + 1}
          </span>
          <span className="hand-row__who">
            <span className="hand-row__name">
              {h.name}
              {h.role === 'site' && <span className="chip chip--branch">{t('roles.site')}</span>}
            </span>
            <span className="muted small">{h.unitName}</span>
            {h.topic && <span className="hand-row__topic">“{h.topic}”</span>}
          </span>
          <span className="hand-row__wait small" data-testid="hand-waiting">
            {t('live.hands.waiting', { minutes: waitingMinutes(h.raisedAt, now) })}
          </span>
          {actions && <span className="hand-row__actions">{actions(h)}</span>}
        </li>
      ))}
    </ol>
  );
}
