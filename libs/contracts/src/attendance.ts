import { z } from 'zod';
import { Id, IsoDateTime, OptionalText } from './common';
import { MemberStatus } from './members';
import { AttendanceRules, SessionState } from './sessions';

/** Why a member is excused (libs/domain's EXCUSE_REASONS is this list). */
export const ExcuseReason = z.enum(['illness', 'maternity', 'duty', 'other']);
export type ExcuseReason = z.infer<typeof ExcuseReason>;

/**
 * Attendance statuses in report order (libs/domain's ATTENDANCE_STATUSES is this list).
 * `not_arrived` and `away` exist only while a session runs: a member who has not come yet, or who
 * came and left, and could still attend long enough.
 */
export const AttendanceStatusCode = z.enum([
  'present_online',
  'present_site',
  'late',
  'left_early',
  'not_arrived',
  'away',
  'excused',
  'absent',
]);
export type AttendanceStatusCode = z.infer<typeof AttendanceStatusCode>;

export const AttendanceWhere = z.enum(['online', 'site']);
export type AttendanceWhere = z.infer<typeof AttendanceWhere>;

export const CheckInMethod = z.enum(['code', 'roster']);
export type CheckInMethod = z.infer<typeof CheckInMethod>;

export const ExcuseRecord = z.object({
  reason: ExcuseReason,
  note: z.string().nullable(),
  markedBy: z.string(),
  markedAt: z.string(),
});
export type ExcuseRecord = z.infer<typeof ExcuseRecord>;

/** A member's stay in a district room: scanned in (`code`) or ticked by the secretary (`roster`). */
export const SiteCheckInRecord = z
  .object({
    id: Id,
    memberId: Id,
    siteId: Id,
    siteName: z.string(),
    at: z.string(),
    leftAt: z.string().nullable(),
    method: CheckInMethod,
    recordedBy: z.string(),
  })
  .meta({ id: 'SiteCheckInRecord' });
export type SiteCheckInRecord = z.infer<typeof SiteCheckInRecord>;

/** One member's attendance in one session (durations in milliseconds, times ISO). */
export const MemberAttendanceRow = z
  .object({
    memberId: Id,
    fullName: z.string(),
    unitId: Id,
    unitName: z.string(),
    memberStatus: MemberStatus,
    status: AttendanceStatusCode,
    /** Counted in the rate's denominator (an active member); exempt members attend voluntarily. */
    required: z.boolean(),
    attendedMs: z.number().int(),
    expectedMs: z.number().int(),
    share: z.number(),
    firstJoinAt: z.string().nullable(),
    lastLeaveAt: z.string().nullable(),
    where: AttendanceWhere.nullable(),
    siteId: Id.nullable(),
    siteName: z.string().nullable(),
    onlineMs: z.number().int(),
    siteMs: z.number().int(),
    late: z.boolean(),
    lateMinutes: z.number().int(),
    leftEarly: z.boolean(),
    leftEarlyMinutes: z.number().int(),
    excuse: ExcuseRecord.nullable(),
    /** Connected right now (own device, or checked in at a connected room); live sessions only. */
    connected: z.boolean(),
    /** The open stay in a room, if any (for ticking members out). */
    checkIn: SiteCheckInRecord.nullable(),
  })
  .meta({ id: 'MemberAttendanceRow' });
export type MemberAttendanceRow = z.infer<typeof MemberAttendanceRow>;

export const AttendanceTotals = z
  .object({
    required: z.number().int(),
    attending: z.number().int(),
    excused: z.number().int(),
    absent: z.number().int(),
    /** While the session runs: required members not arrived yet or away for now (they can still attend). */
    pending: z.number().int(),
    byStatus: z.record(AttendanceStatusCode, z.number().int()),
    /** Exempt members who attended anyway; never part of the rate. */
    voluntary: z.number().int(),
    /** attending / required, 0..1; null when nobody is required. */
    rate: z.number().nullable(),
    rateExcludingExcused: z.number().nullable(),
    targetPercent: z.number().nullable(),
    meetsTarget: z.boolean().nullable(),
    shortOfTarget: z.number().int(),
    /** Required members connected right now (live sessions). */
    connectedNow: z.number().int(),
  })
  .meta({ id: 'AttendanceTotals' });
export type AttendanceTotals = z.infer<typeof AttendanceTotals>;

export const BranchAttendance = AttendanceTotals.extend({ unitId: Id, unitName: z.string() }).meta({
  id: 'BranchAttendance',
});
export type BranchAttendance = z.infer<typeof BranchAttendance>;

/** Non-registered people counted in a room: reported apart, never in the rate. */
export const SiteGuests = z
  .object({
    siteId: Id,
    siteName: z.string(),
    unitId: Id,
    count: z.number().int(),
    note: z.string().nullable(),
    updatedBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SiteGuests' });
export type SiteGuests = z.infer<typeof SiteGuests>;

export const SiteAttendance = z.object({
  siteId: Id,
  siteName: z.string(),
  unitId: Id,
  /** The room's screen is connected now. */
  connected: z.boolean(),
  /** Time the room's screen was connected inside the session window. */
  connectedMs: z.number().int(),
  /** Members whose main place was this room. */
  members: z.number().int(),
  guests: z.number().int(),
});
export type SiteAttendance = z.infer<typeof SiteAttendance>;

export const AttendanceWindowView = z.object({
  start: z.string(),
  end: z.string(),
  scheduledStart: z.string(),
  scheduledEnd: z.string(),
  /** The session has not ended: shares are "so far", nobody has left early yet. */
  provisional: z.boolean(),
});

export const SessionAttendance = z
  .object({
    sessionId: Id,
    title: z.string(),
    state: SessionState,
    organisationName: z.string(),
    hostUnitName: z.string(),
    /** The part of the session this report covers: the whole session, or the caller's unit. */
    scopeUnitName: z.string(),
    wholeSession: z.boolean(),
    window: AttendanceWindowView,
    rules: AttendanceRules,
    computedAt: z.string(),
    /** Attendance is closed: these figures are the frozen record, not a live computation. */
    locked: z.boolean(),
    lockedAt: z.string().nullable(),
    total: AttendanceTotals,
    branches: z.array(BranchAttendance),
    members: z.array(MemberAttendanceRow),
    sites: z.array(SiteAttendance),
    guests: z.array(SiteGuests),
    guestTotal: z.number().int(),
  })
  .meta({ id: 'SessionAttendance' });
export type SessionAttendance = z.infer<typeof SessionAttendance>;

/** One connection as captured (socket or media), for the raw-intervals export. */
export const PresenceIntervalRecord = z
  .object({
    id: Id,
    participantKey: z.string(),
    memberId: Id.nullable(),
    siteId: Id.nullable(),
    name: z.string().nullable(),
    source: z.string(),
    connectionId: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    lastSeenAt: z.string(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'PresenceIntervalRecord' });
export type PresenceIntervalRecord = z.infer<typeof PresenceIntervalRecord>;

// ---- manual changes (each audited with who, when, before, after and why) ---------------------

const Why = OptionalText(500);

export const MarkExcuseBody = z
  .object({
    memberId: Id,
    reason: ExcuseReason,
    note: OptionalText(500, { multiline: true }),
    /** Why the change was made, for the audit log (e.g. "certificate received late"). */
    why: Why,
  })
  .refine((v) => v.reason !== 'other' || !!v.note, {
    message: 'a note is required when the reason is "other"',
    path: ['note'],
  })
  .meta({ id: 'MarkExcuseBody' });
export type MarkExcuseBody = z.infer<typeof MarkExcuseBody>;

export const WhyQuery = z.object({ why: Why });
export type WhyQuery = z.infer<typeof WhyQuery>;

export const RosterCheckInBody = z
  .object({
    memberId: Id,
    siteId: Id,
    /** When the member arrived; now when left out (use the session start for "here from the beginning"). */
    at: IsoDateTime.optional(),
    why: Why,
  })
  .meta({ id: 'RosterCheckInBody' });
export type RosterCheckInBody = z.infer<typeof RosterCheckInBody>;

export const CheckOutBody = z.object({ at: IsoDateTime.optional(), why: Why }).meta({ id: 'CheckOutBody' });
export type CheckOutBody = z.infer<typeof CheckOutBody>;

export const GuestCountBody = z
  .object({ count: z.number().int().min(0).max(10_000), note: OptionalText(300), why: Why })
  .meta({ id: 'GuestCountBody' });
export type GuestCountBody = z.infer<typeof GuestCountBody>;

// ---- district-room check-in ------------------------------------------------------------------

/** The code a room's screen shows: 6 digits to type, and a URL for the QR code. */
export const CheckInCode = z
  .object({
    sessionId: Id,
    siteId: Id,
    siteName: z.string(),
    digits: z.string(),
    /** `<public url>/checkin/<token>`; the token names the session and room, so a scan is unambiguous. */
    url: z.string(),
    /** When the screen should show the next code (the previous one is still accepted for a grace). */
    expiresAt: z.string(),
    periodMs: z.number().int(),
    /** Server time when issued, so a screen with a wrong clock still counts down correctly. */
    serverTime: z.string(),
  })
  .meta({ id: 'CheckInCode' });
export type CheckInCode = z.infer<typeof CheckInCode>;

export const ScanCheckInBody = z
  .object({
    /** The 6 digits typed, or the token of a scanned QR code. */
    code: z
      .string()
      .trim()
      .min(6)
      .max(200)
      .regex(/^[A-Za-z0-9._-]+$/, 'the 6-digit code shown on the room’s screen'),
  })
  .meta({ id: 'ScanCheckInBody' });
export type ScanCheckInBody = z.infer<typeof ScanCheckInBody>;

export const CheckInResult = z
  .object({
    sessionId: Id,
    sessionTitle: z.string(),
    siteId: Id,
    siteName: z.string(),
    at: z.string(),
    /** The member had already checked in at this room: nothing changed. */
    already: z.boolean(),
  })
  .meta({ id: 'CheckInResult' });
export type CheckInResult = z.infer<typeof CheckInResult>;

// ---- history and period summaries ------------------------------------------------------------

export const MemberSessionAttendance = z.object({
  sessionId: Id,
  title: z.string(),
  startsAt: z.string(),
  state: SessionState,
  locked: z.boolean(),
  status: AttendanceStatusCode,
  required: z.boolean(),
  attendedMs: z.number().int(),
  share: z.number(),
  where: AttendanceWhere.nullable(),
  siteName: z.string().nullable(),
  lateMinutes: z.number().int(),
  leftEarlyMinutes: z.number().int(),
  excuse: ExcuseRecord.nullable(),
});
export type MemberSessionAttendance = z.infer<typeof MemberSessionAttendance>;

export const MemberAttendanceHistory = z
  .object({
    memberId: Id,
    fullName: z.string(),
    unitName: z.string(),
    memberStatus: MemberStatus,
    sessions: z.array(MemberSessionAttendance),
    /** Over the sessions listed: member-sessions as the unit of count. */
    total: AttendanceTotals,
  })
  .meta({ id: 'MemberAttendanceHistory' });
export type MemberAttendanceHistory = z.infer<typeof MemberAttendanceHistory>;

export const PeriodQuery = z.object({
  /** A calendar year (in the report time zone); or give from/to. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const PeriodSession = z.object({
  sessionId: Id,
  title: z.string(),
  startsAt: z.string(),
  state: SessionState,
  locked: z.boolean(),
  total: AttendanceTotals,
});

export const PeriodMember = z.object({
  memberId: Id,
  fullName: z.string(),
  unitId: Id,
  unitName: z.string(),
  memberStatus: MemberStatus,
  /** Sessions the member was invited to in the period, counted by status. */
  total: AttendanceTotals,
});

export const UnitAttendancePeriod = z
  .object({
    unitId: Id,
    unitName: z.string(),
    from: z.string(),
    to: z.string(),
    sessions: z.array(PeriodSession),
    /** Member-sessions by branch, against each branch's target. */
    branches: z.array(BranchAttendance),
    members: z.array(PeriodMember),
    total: AttendanceTotals,
  })
  .meta({ id: 'UnitAttendancePeriod' });
export type UnitAttendancePeriod = z.infer<typeof UnitAttendancePeriod>;
