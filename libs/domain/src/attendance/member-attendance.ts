/**
 * The attendance of one member in one session, computed from presence (never typed in).
 *
 * Window. Presence counts anywhere inside the actual live window (started..ended; the schedule when
 * those are unknown). Members are held to the expected span: later of actual/announced start to
 * earlier of actual/announced end (see `expectedSpan`). Time before the start or after the end
 * never counts; time in an overrun counts.
 *
 * Measures (rules from the session, defaults in `DEFAULT_ATTENDANCE_RULES`).
 * - attended = time covered by any source, overlapping devices and a room counted once.
 * - share = attended / expected span length, capped at 1; 0 for a zero-length session.
 * - enough = attended ≥ presentShare × expected (to the millisecond; equal is enough; default 75%).
 * - late = first join > expected start + lateGraceMinutes (equal is on time; default 10); the late
 *   minutes are counted from the expected start, and only for a member who is late.
 * - left early = last leave < expected end − leftEarlyToleranceMinutes (equal is not early;
 *   default 5); never while the reading is provisional, since the session has not ended.
 *
 * Precedence (first that applies):
 * 1. enough and late            → late        (also when the member left early; both flags kept)
 * 2. enough and left early      → left_early
 * 3. enough, mostly in a room   → present_site
 * 4. enough                     → present_online
 * 5. an excuse is on record     → excused     (reason and note kept)
 * 6. otherwise                  → absent
 * An excused member who attended enough counts as attended: the record says what happened, and the
 * excuse stays in the details.
 *
 * While the session runs (a provisional reading) the status is a projection, so that nobody sitting
 * in the session reads "absent" because the share so far is still small: whoever is connected is
 * taken to stay until the announced end, and is judged by the rules above on that. Someone not
 * there now who could still attend long enough by coming now is pending instead of absent:
 * `not_arrived` (never came) or `away` (came and left). Absent means it is too late to attend long
 * enough. The measures (attended, share, first join, where) stay those of the time so far. Exempt (and inactive) members get a status the same way but are not
 * required; their attendance is voluntary and counted apart.
 *
 * Where. Time in a room counts as site; time online counts as online only while not in a room (the
 * phone a member scanned the room's code with often stays connected). `where` is the larger, site on
 * a tie; `siteId` the room with the most time.
 */
import { AttendanceRules, type MemberStatus } from '@hallbridge/contracts';
import type { AttendanceExcuse, AttendanceStatus } from './attendance-status';
import { expectedSpan, type AttendanceWindow } from './attendance-window';
import {
  clipSpans,
  closeOpenIntervals,
  coveredMs,
  firstJoin,
  lastLeave,
  mergeSpans,
  subtractSpans,
  type TimeSpan,
} from './presence-intervals';
import type { MemberPresenceInterval } from './site-presence';

/** presentShare 0.75, lateGraceMinutes 10, leftEarlyToleranceMinutes 5 — from the contract schema. */
export const DEFAULT_ATTENDANCE_RULES: AttendanceRules = AttendanceRules.parse({});

const MINUTE_MS = 60_000;

/** The session's rules with missing (or undefined) fields taken from the defaults. */
export function resolveAttendanceRules(rules: Partial<AttendanceRules> = {}): AttendanceRules {
  return {
    presentShare: rules.presentShare ?? DEFAULT_ATTENDANCE_RULES.presentShare,
    lateGraceMinutes: rules.lateGraceMinutes ?? DEFAULT_ATTENDANCE_RULES.lateGraceMinutes,
    leftEarlyToleranceMinutes:
      rules.leftEarlyToleranceMinutes ?? DEFAULT_ATTENDANCE_RULES.leftEarlyToleranceMinutes,
  };
}

export interface MemberAttendanceInput {
  window: AttendanceWindow;
  /** Every interval of the member, online and in rooms; open ones are treated as connected until the window ends. */
  presence: readonly MemberPresenceInterval[];
  /** Only `active` members are required. */
  memberStatus: MemberStatus;
  excuse?: AttendanceExcuse | null;
  /** The session's rules; missing fields take the defaults. */
  rules?: Partial<AttendanceRules>;
}

export interface MemberAttendance {
  status: AttendanceStatus;
  /** Counted in the participation rate's denominator (an active member). */
  required: boolean;
  attendedMs: number;
  /** Length of the expected span, the share's denominator. */
  expectedMs: number;
  /** attendedMs / expectedMs, between 0 and 1. */
  share: number;
  /** First moment present inside the window (a join before the start reads as the start). */
  firstJoin: number | null;
  /** Last moment present inside the window. */
  lastLeave: number | null;
  where: 'online' | 'site' | null;
  siteId: string | null;
  /** Online time outside any room. onlineMs + siteMs = attendedMs. */
  onlineMs: number;
  siteMs: number;
  late: boolean;
  /** Whole minutes (rounded up) from the expected start to the first join; 0 when on time or never joined. */
  lateMinutes: number;
  leftEarly: boolean;
  /** Whole minutes (rounded up) from the last leave to the expected end; 0 when stayed or never joined. */
  leftEarlyMinutes: number;
  excuse: AttendanceExcuse | null;
  /** The session has not ended; the status may still change. */
  provisional: boolean;
}

/** Presence inside a window, open intervals taken as connected until its end. */
function measure(presence: readonly MemberPresenceInterval[], window: TimeSpan) {
  const bySite = new Map<string, TimeSpan[]>();
  const online: TimeSpan[] = [];
  for (const interval of closeOpenIntervals(presence, window.end)) {
    if (interval.source === 'online') online.push(interval);
    else if (bySite.has(interval.siteId)) bySite.get(interval.siteId)!.push(interval);
    else bySite.set(interval.siteId, [interval]);
  }
  const siteSpans = clipSpans([...bySite.values()].flat(), window);
  const onlineSpans = clipSpans(online, window);
  const all = mergeSpans([...siteSpans, ...onlineSpans]);
  const siteMs = coveredMs(siteSpans);
  const onlineMs = coveredMs(subtractSpans(onlineSpans, siteSpans));
  const where: 'online' | 'site' | null =
    siteMs > 0 && siteMs >= onlineMs ? 'site' : onlineMs > 0 ? 'online' : null;
  return { bySite, all, attendedMs: coveredMs(all), siteMs, onlineMs, where };
}

export function evaluateMemberAttendance(input: MemberAttendanceInput): MemberAttendance {
  const rules = resolveAttendanceRules(input.rules);
  const { window } = input;
  const soFar = measure(input.presence, window);
  const expected = expectedSpan(window);
  const expectedMs = expected.end - expected.start;
  const share = expectedMs > 0 ? Math.min(1, soFar.attendedMs / expectedMs) : 0;

  const first = firstJoin(soFar.all);
  const last = lastLeave(soFar.all);
  const late = first !== null && first > expected.start + rules.lateGraceMinutes * MINUTE_MS;
  const leftEarly =
    last !== null && !window.provisional && last < expected.end - rules.leftEarlyToleranceMinutes * MINUTE_MS;
  const excuse = input.excuse ?? null;

  return {
    status: window.provisional
      ? projectedStatus(input.presence, window, rules, late, excuse)
      : statusOf(enoughOf(soFar.attendedMs, expectedMs, rules), late, leftEarly, soFar.where, excuse),
    required: input.memberStatus === 'active',
    attendedMs: soFar.attendedMs,
    expectedMs,
    share,
    firstJoin: first,
    lastLeave: last,
    where: soFar.where,
    siteId: soFar.where === 'site' ? mainSite(soFar.bySite, window) : null,
    onlineMs: soFar.onlineMs,
    siteMs: soFar.siteMs,
    late,
    lateMinutes: late ? Math.ceil((first - expected.start) / MINUTE_MS) : 0,
    leftEarly,
    leftEarlyMinutes: leftEarly ? Math.ceil((expected.end - last) / MINUTE_MS) : 0,
    excuse,
    provisional: window.provisional,
  };
}

const enoughOf = (attendedMs: number, expectedMs: number, rules: AttendanceRules) =>
  attendedMs > 0 && attendedMs >= Math.round(rules.presentShare * expectedMs);

/**
 * A live reading's status: the final rules applied as if whoever is connected stays until the
 * announced end; pending while coming now would still be enough.
 */
function projectedStatus(
  presence: readonly MemberPresenceInterval[],
  window: AttendanceWindow,
  rules: AttendanceRules,
  late: boolean,
  excuse: AttendanceExcuse | null,
): AttendanceStatus {
  const now = window.end;
  const horizon: AttendanceWindow = { ...window, end: Math.max(now, window.scheduledEnd) };
  const expected = expectedSpan(horizon);
  const expectedMs = expected.end - expected.start;
  const staying = measure(presence, horizon);
  if (enoughOf(staying.attendedMs, expectedMs, rules))
    return statusOf(true, late, false, staying.where, excuse);
  if (excuse) return 'excused';
  const comingNow = coveredMs([...staying.all, { start: now, end: horizon.end }]);
  if (!enoughOf(comingNow, expectedMs, rules)) return 'absent';
  return staying.attendedMs > 0 ? 'away' : 'not_arrived';
}

function statusOf(
  enough: boolean,
  late: boolean,
  leftEarly: boolean,
  where: 'online' | 'site' | null,
  excuse: AttendanceExcuse | null,
): AttendanceStatus {
  if (enough) {
    if (late) return 'late';
    if (leftEarly) return 'left_early';
    return where === 'site' ? 'present_site' : 'present_online';
  }
  return excuse ? 'excused' : 'absent';
}

/** The room with the most time in the window; on a tie, the one entered first, then by id. */
function mainSite(bySite: ReadonlyMap<string, TimeSpan[]>, window: TimeSpan): string | null {
  let best: { siteId: string; ms: number; first: number } | null = null;
  for (const [siteId, spans] of bySite) {
    const clipped = clipSpans(spans, window);
    const candidate = { siteId, ms: coveredMs(clipped), first: clipped[0]?.start ?? Infinity };
    if (candidate.ms === 0) continue;
    if (
      !best ||
      candidate.ms > best.ms ||
      (candidate.ms === best.ms &&
        (candidate.first < best.first || (candidate.first === best.first && candidate.siteId < best.siteId)))
    ) {
      best = candidate;
    }
  }
  return best?.siteId ?? null;
}
