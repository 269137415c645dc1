/**
 * A whole session's attendance from what the capture layer stored: every member's connections,
 * the rooms' connections, check-ins and excuses. It only puts the other rules together — the
 * heartbeat rule closes connections that died silently, room stays become presence while the room
 * was connected, each member is judged on their own, and the results are summed per unit.
 */
import type { AttendanceRules, MemberStatus } from '@hallbridge/contracts';
import type { AttendanceExcuse } from './attendance-status';
import {
  summarizeAttendance,
  summarizeAttendanceByUnit,
  type AttendanceSummary,
  type UnitAttendanceSummary,
  type UnitTarget,
} from './attendance-summary';
import { attendanceWindow, type AttendanceWindow, type SessionTimes } from './attendance-window';
import { evaluateMemberAttendance, type MemberAttendance } from './member-attendance';
import { closeStale, type PresenceInterval } from './presence-intervals';
import { sitePresence, type MemberPresenceInterval, type SiteCheckIn } from './site-presence';

export interface RosterEntry {
  memberId: string;
  unitId: string;
  status: MemberStatus;
}

/** How silent connections are closed: see `closeStale` (timeout, and the time credited after the last sign of life). */
export interface HeartbeatRule {
  timeoutMs: number;
  graceMs: number;
}

export interface SessionAttendanceInput {
  times: SessionTimes;
  /** Reading time; used for stale connections and, while the session has not ended, as the window's end. */
  now: number;
  /** Read as of the end of the session, whatever `now` is (a frozen record, or an export of an ended session). */
  final: boolean;
  rules?: Partial<AttendanceRules>;
  heartbeat: HeartbeatRule;
  /** Every member invited, in report order. */
  roster: readonly RosterEntry[];
  /** Own-device connections (sockets, media) by member id. */
  online: ReadonlyMap<string, readonly PresenceInterval[]>;
  /** The rooms' own connections by site id. */
  siteConnections: ReadonlyMap<string, readonly PresenceInterval[]>;
  checkIns: ReadonlyMap<string, readonly SiteCheckIn[]>;
  excuses: ReadonlyMap<string, AttendanceExcuse>;
  /** Unit targets in the order branch summaries should follow. */
  units: readonly UnitTarget[];
  /** The session's target (the host unit's), for the total. */
  targetPercent: number | null;
}

export interface SessionMemberAttendance extends MemberAttendance {
  memberId: string;
  unitId: string;
  /** Present right now on a device or in a connected room (always false for a final reading). */
  connected: boolean;
}

export interface SessionAttendanceResult {
  window: AttendanceWindow;
  members: SessionMemberAttendance[];
  units: UnitAttendanceSummary[];
  total: AttendanceSummary;
  /** Room connections after the heartbeat rule, by site id (for reports on the rooms). */
  siteConnections: Map<string, PresenceInterval[]>;
}

const isOpen = (i: PresenceInterval) => i.end === null;

export function evaluateSessionAttendance(input: SessionAttendanceInput): SessionAttendanceResult {
  const { heartbeat, now } = input;
  // A final reading of a session without a recorded end judges against the schedule.
  const window = attendanceWindow(input.times, input.final ? undefined : now);
  const close = (intervals: readonly PresenceInterval[]) =>
    closeStale(intervals, now, heartbeat.timeoutMs, heartbeat.graceMs);

  const siteConnections = new Map<string, PresenceInterval[]>();
  for (const [siteId, intervals] of input.siteConnections) siteConnections.set(siteId, close(intervals));

  const members: SessionMemberAttendance[] = input.roster.map((entry) => {
    const online = close(input.online.get(entry.memberId) ?? []);
    const inRooms = sitePresence(input.checkIns.get(entry.memberId) ?? [], siteConnections);
    const presence: MemberPresenceInterval[] = [
      ...online.map((i) => ({ ...i, source: 'online' as const })),
      ...inRooms,
    ];
    const attendance = evaluateMemberAttendance({
      window,
      presence,
      memberStatus: entry.status,
      excuse: input.excuses.get(entry.memberId) ?? null,
      rules: input.rules,
    });
    return {
      ...attendance,
      memberId: entry.memberId,
      unitId: entry.unitId,
      connected: window.provisional && (online.some(isOpen) || inRooms.some(isOpen)),
    };
  });

  return {
    window,
    members,
    units: summarizeAttendanceByUnit(
      members.map((m) => ({ unitId: m.unitId, attendance: m })),
      input.units,
    ),
    total: summarizeAttendance(members, input.targetPercent),
    siteConnections,
  };
}
