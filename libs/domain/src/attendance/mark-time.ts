import type { SessionTimes } from './attendance-window';

/** How early before the session a room may be ticked (people arrive and sit down before it starts). */
export const MARK_EARLY_MS = 60 * 60_000;
/** A clock a little ahead of the server's is not an error. */
export const MARK_SKEW_MS = 5 * 60_000;

/**
 * When a hand-made mark (a tick into a room, a tick out) may say it happened: from an hour before
 * the session (as scheduled or as started) to its end, and never in the future. A secretary
 * backdating a tick to 2020 or postdating it to 2099 is refused, not recorded.
 */
export function markTimeRange(times: SessionTimes, now: number): { from: number; to: number } {
  const from = Math.min(times.scheduledStart, times.startedAt ?? Infinity) - MARK_EARLY_MS;
  const to = Math.min(times.endedAt ?? Infinity, now + MARK_SKEW_MS);
  return { from, to: Math.max(from, to) };
}

export function isMarkTimeAllowed(at: number, times: SessionTimes, now: number): boolean {
  const { from, to } = markTimeRange(times, now);
  return at >= from && at <= to;
}
