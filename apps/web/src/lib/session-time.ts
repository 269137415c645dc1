import { formatDateTime, formatTime } from '../i18n/format';
import { sameDay } from './datetime';

/** "1 thg 3, 2025 08:00 – 11:00", or both full stamps when the session runs past midnight. */
export function sessionTimeRange(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  return `${formatDateTime(start)} – ${sameDay(start, end) ? formatTime(end) : formatDateTime(end)}`;
}

/**
 * Sessions still to come or running (soonest first) and the rest (latest first). A session counts as
 * current while it is live, or scheduled and not yet past its end; ended or cancelled ones are past.
 */
export function splitByEnd<T extends { endsAt: string; state: string }>(
  sessions: T[],
  now: number,
): [T[], T[]] {
  const current = sessions.filter(
    (s) => s.state === 'live' || (s.state === 'scheduled' && Date.parse(s.endsAt) >= now),
  );
  const past = sessions.filter((s) => !current.includes(s)).reverse();
  return [current, past];
}
