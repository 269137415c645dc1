/**
 * Participation of a branch or a whole session. The headline rate is attending required members over
 * required members: an excused member still counts against it, and the excused are shown apart so an
 * organiser can explain the gap. `rateExcludingExcused` (attending over required minus excused) is the
 * secondary figure for reports that leave justified absences out. A session's figures are summed over
 * all its members, never averaged over branch rates, so a branch of 3 weighs less than a branch of 60.
 */
import { ATTENDANCE_STATUSES, isAttending, isPending, type AttendanceStatus } from './attendance-status';
import type { MemberAttendance } from './member-attendance';

export type AttendanceOutcome = Pick<MemberAttendance, 'status' | 'required'>;

export interface AttendanceSummary {
  /** Active members invited: the rate's denominator. */
  required: number;
  /** Required members present online, in a room, late or left early. */
  attending: number;
  /** Required members excused who did not attend. */
  excused: number;
  /** Required members neither attending nor excused (and, while the session runs, too late to attend). */
  absent: number;
  /** While the session runs: required members not arrived yet or away for now, who can still attend. */
  pending: number;
  /** Required members by status; sums to `required`. */
  byStatus: Record<AttendanceStatus, number>;
  /** Exempt or inactive members who attended anyway; never part of the rate. */
  voluntary: number;
  /** attending / required, 0..1; null when nobody is required. The headline figure. */
  rate: number | null;
  /** attending / (required − excused), 0..1; null when that is 0. */
  rateExcludingExcused: number | null;
  /** The unit's participation target in percent (e.g. 95), when it has one. */
  targetPercent: number | null;
  /** rate ≥ target; null without a target or without required members. */
  meetsTarget: boolean | null;
  /** How many more required members would have to attend to reach the target; 0 when met. */
  shortOfTarget: number;
}

export interface UnitAttendanceSummary extends AttendanceSummary {
  unitId: string;
}

export interface UnitTarget {
  unitId: string;
  targetPercent: number | null;
}

export interface UnitAttendanceRow {
  unitId: string;
  attendance: AttendanceOutcome;
}

// Targets such as 95.5 times a head count are not exact in binary floating point.
const EPSILON = 1e-9;

export function summarizeAttendance(
  outcomes: readonly AttendanceOutcome[],
  targetPercent: number | null = null,
): AttendanceSummary {
  const byStatus = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<
    AttendanceStatus,
    number
  >;
  let required = 0;
  let attending = 0;
  let pending = 0;
  let voluntary = 0;
  for (const { status, required: isRequired } of outcomes) {
    if (isRequired) {
      required++;
      byStatus[status]++;
      if (isAttending(status)) attending++;
      else if (isPending(status)) pending++;
    } else if (isAttending(status)) {
      voluntary++;
    }
  }
  const couldAttend = required - byStatus.excused;
  const hasTarget = targetPercent !== null && required > 0;
  const needed = hasTarget ? Math.ceil((targetPercent * required) / 100 - EPSILON) : 0;
  return {
    required,
    attending,
    excused: byStatus.excused,
    absent: byStatus.absent,
    pending,
    byStatus,
    voluntary,
    rate: required > 0 ? attending / required : null,
    rateExcludingExcused: couldAttend > 0 ? attending / couldAttend : null,
    targetPercent,
    meetsTarget: hasTarget ? attending >= needed : null,
    shortOfTarget: Math.max(0, needed - attending),
  };
}

/**
 * One summary per unit, in the order of `units` (so a branch with no members or nobody present
 * still shows up), each against its own target. Rows of a unit not listed follow, without a target.
 */
export function summarizeAttendanceByUnit(
  rows: readonly UnitAttendanceRow[],
  units: readonly UnitTarget[],
): UnitAttendanceSummary[] {
  const grouped = new Map<string, AttendanceOutcome[]>(units.map((u) => [u.unitId, []]));
  for (const row of rows) {
    const list = grouped.get(row.unitId);
    if (list) list.push(row.attendance);
    else grouped.set(row.unitId, [row.attendance]);
  }
  const targets = new Map(units.map((u) => [u.unitId, u.targetPercent]));
  return [...grouped].map(([unitId, outcomes]) => ({
    unitId,
    ...summarizeAttendance(outcomes, targets.get(unitId) ?? null),
  }));
}
