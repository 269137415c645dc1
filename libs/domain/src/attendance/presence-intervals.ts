/**
 * Interval algebra for presence. All times are epoch milliseconds; a span covers [start, end)
 * (half-open), so a span that ends when the next begins is adjacent, not overlapping, and the two
 * merge without double counting. Nothing here reads the clock: `now` is always passed in.
 */

/** A closed, half-open span of time [start, end). */
export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * One connection as the capture layer records it. `end` is null while the connection is open;
 * `lastHeartbeatAt` is the last sign of life (absent or null: nothing since `start`).
 */
export interface PresenceInterval {
  start: number;
  end: number | null;
  lastHeartbeatAt?: number | null;
}

/** Sorted, with overlapping and touching spans joined and empty spans dropped. */
export function mergeSpans(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TimeSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** The merged parts of `spans` that fall inside `window`. */
export function clipSpans(spans: readonly TimeSpan[], window: TimeSpan): TimeSpan[] {
  return mergeSpans(
    spans.map((s) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) })),
  );
}

/** Time covered by both sets (e.g. a member's stay in a room and the room's connection). */
export function intersectSpans(a: readonly TimeSpan[], b: readonly TimeSpan[]): TimeSpan[] {
  const left = mergeSpans(a);
  const right = mergeSpans(b);
  const out: TimeSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const l = left[i]!;
    const r = right[j]!;
    const start = Math.max(l.start, r.start);
    const end = Math.min(l.end, r.end);
    if (end > start) out.push({ start, end });
    if (l.end < r.end) i++;
    else j++;
  }
  return out;
}

/** Time covered by `a` but not by `b` (e.g. time online while not sitting in a room). */
export function subtractSpans(a: readonly TimeSpan[], b: readonly TimeSpan[]): TimeSpan[] {
  const cut = mergeSpans(b);
  const out: TimeSpan[] = [];
  for (const span of mergeSpans(a)) {
    let start = span.start;
    for (const c of cut) {
      if (c.end <= start) continue;
      if (c.start >= span.end) break;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      if (start >= span.end) break;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/** Total time covered, counting overlaps once. */
export function coveredMs(spans: readonly TimeSpan[]): number {
  return mergeSpans(spans).reduce((sum, s) => sum + (s.end - s.start), 0);
}

/** Start of the earliest non-empty span, or null when there is none. */
export function firstJoin(spans: readonly TimeSpan[]): number | null {
  return mergeSpans(spans)[0]?.start ?? null;
}

/** End of the latest non-empty span, or null when there is none. */
export function lastLeave(spans: readonly TimeSpan[]): number | null {
  return mergeSpans(spans).at(-1)?.end ?? null;
}

/** Open intervals (still connected) end at `at`; one that opened after `at` becomes empty. */
export function closeOpenIntervals<T extends PresenceInterval>(
  intervals: readonly T[],
  at: number,
): (T & TimeSpan)[] {
  return intervals.map((i) => ({ ...i, end: i.end ?? Math.max(i.start, at) }));
}

/**
 * Connections that die without a goodbye (tab killed, network lost, server restarted) are closed
 * by the heartbeat rule: an open interval whose last sign of life is more than `timeoutMs` before
 * `now` ends at that sign of life plus `graceMs` (never after `now`, never before its start).
 * A sensible grace is one heartbeat period: the member was probably there until the beat they missed.
 * Closed and still-fresh intervals are returned unchanged.
 */
export function closeStale<T extends PresenceInterval>(
  intervals: readonly T[],
  now: number,
  timeoutMs: number,
  graceMs = 0,
): T[] {
  return intervals.map((i) => {
    if (i.end !== null) return i;
    const lastSeen = Math.max(i.start, i.lastHeartbeatAt ?? i.start);
    if (now - lastSeen <= timeoutMs) return i;
    return { ...i, end: Math.max(i.start, Math.min(lastSeen + graceMs, now)) };
  });
}
