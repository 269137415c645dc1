import type { TimeSpan } from './presence-intervals';

/** A session's times in epoch milliseconds; `startedAt`/`endedAt` are the live window once known. */
export interface SessionTimes {
  scheduledStart: number;
  scheduledEnd: number;
  startedAt?: number | null;
  endedAt?: number | null;
}

/**
 * The time attendance is judged on. Presence counts anywhere in [start, end) — the actual live
 * window when known, else the schedule — while the announced times are kept to decide what members
 * are held to (see `expectedSpan`). `provisional` means the session has not ended: `end` is "now",
 * shares are "so far", and nobody can have left early yet.
 */
export interface AttendanceWindow extends TimeSpan {
  scheduledStart: number;
  scheduledEnd: number;
  provisional: boolean;
}

/**
 * start = startedAt, else the scheduled start. end = endedAt; else `now` when given (a live
 * reading); else the scheduled end (a final reading of a session that never recorded its end).
 * The window never runs backwards: a bad end collapses it to zero length.
 */
export function attendanceWindow(times: SessionTimes, now?: number): AttendanceWindow {
  const start = times.startedAt ?? times.scheduledStart;
  const provisional = times.endedAt == null && now !== undefined;
  const rawEnd = times.endedAt ?? (provisional ? now! : times.scheduledEnd);
  return {
    start,
    end: Math.max(start, rawEnd),
    scheduledStart: times.scheduledStart,
    scheduledEnd: times.scheduledEnd,
    provisional,
  };
}

/**
 * What a member is held to: from the later of the actual and announced start to the earlier of the
 * actual and announced end. Nobody is late for arriving at the announced time of a session that
 * started early, or for arriving before a session that started late; nobody left early by staying
 * to the announced end of a session that ran over, and nobody is asked to stay longer than announced.
 * A session held wholly outside its schedule (the spans do not meet) holds members to its actual window.
 */
export function expectedSpan(window: AttendanceWindow): TimeSpan {
  const start = Math.max(window.start, window.scheduledStart);
  const end = Math.min(window.end, window.scheduledEnd);
  return end > start ? { start, end } : { start: window.start, end: window.end };
}
