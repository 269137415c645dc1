/**
 * Attendance statuses in the order reports list them: attended (online, in a room, late, left
 * early), then excused, then absent. Exports and panels sort by this order so files are stable.
 */
export const ATTENDANCE_STATUSES = [
  'present_online',
  'present_site',
  'late',
  'left_early',
  'excused',
  'absent',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Statuses that count towards the participation rate. */
export const ATTENDING_STATUSES: readonly AttendanceStatus[] = [
  'present_online',
  'present_site',
  'late',
  'left_early',
];

export const EXCUSE_REASONS = ['illness', 'maternity', 'duty', 'other'] as const;
export type ExcuseReason = (typeof EXCUSE_REASONS)[number];

/** A secretary's mark that a member is excused; the note explains `other` (and may add detail). */
export interface AttendanceExcuse {
  reason: ExcuseReason;
  note?: string | null;
}

export function isAttending(status: AttendanceStatus): boolean {
  return ATTENDING_STATUSES.includes(status);
}

/** Comparator for `Array.prototype.sort` (stable since ES2019), by the order above. */
export function compareAttendanceStatus(a: AttendanceStatus, b: AttendanceStatus): number {
  return ATTENDANCE_STATUSES.indexOf(a) - ATTENDANCE_STATUSES.indexOf(b);
}
