import { AttendanceStatusCode, ExcuseReason as ExcuseReasonCode } from '@hallbridge/contracts';

/**
 * Attendance statuses in the order reports list them: attended (online, in a room, late, left
 * early), then still to come (not arrived yet, away for now: live readings only), then excused, then
 * absent. Exports and panels sort by this order so files are stable. The list is the contract's,
 * so the API, the web app and the rules cannot disagree.
 */
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = AttendanceStatusCode.options;
export type AttendanceStatus = AttendanceStatusCode;

/** Statuses that count towards the participation rate. */
export const ATTENDING_STATUSES: readonly AttendanceStatus[] = [
  'present_online',
  'present_site',
  'late',
  'left_early',
];

/** Statuses of a live reading only: the member can still attend long enough. */
export const PENDING_STATUSES: readonly AttendanceStatus[] = ['not_arrived', 'away'];

/** What a final reading (an ended session, a frozen record) can say. */
export type FinalAttendanceStatus = Exclude<AttendanceStatus, 'not_arrived' | 'away'>;

export const EXCUSE_REASONS: readonly ExcuseReason[] = ExcuseReasonCode.options;
export type ExcuseReason = ExcuseReasonCode;

/** A secretary's mark that a member is excused; the note explains `other` (and may add detail). */
export interface AttendanceExcuse {
  reason: ExcuseReason;
  note?: string | null;
}

export function isAttending(status: AttendanceStatus): boolean {
  return ATTENDING_STATUSES.includes(status);
}

export function isPending(status: AttendanceStatus): boolean {
  return PENDING_STATUSES.includes(status);
}

/** A final reading's status; a pending one there would be a bug in the rules. */
export function finalStatus(status: AttendanceStatus): FinalAttendanceStatus {
  if (isPending(status)) throw new Error(`a final attendance reading cannot be ${status}`);
  return status as FinalAttendanceStatus;
}

/** Comparator for `Array.prototype.sort` (stable since ES2019), by the order above. */
export function compareAttendanceStatus(a: AttendanceStatus, b: AttendanceStatus): number {
  return ATTENDANCE_STATUSES.indexOf(a) - ATTENDANCE_STATUSES.indexOf(b);
}
