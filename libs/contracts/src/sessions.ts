import { z } from 'zod';
import { Id, IsoDateTime, OptionalText, Text } from './common';

export const SessionMode = z.enum(['hall', 'online', 'hybrid']);
export type SessionMode = z.infer<typeof SessionMode>;

export const SessionState = z.enum(['scheduled', 'live', 'ended', 'attendance_closed', 'cancelled']);
export type SessionState = z.infer<typeof SessionState>;

export const SessionAction = z.enum(['start', 'end', 'close_attendance', 'reopen_attendance', 'cancel']);
export type SessionAction = z.infer<typeof SessionAction>;

/** How presence becomes a status; defaults are explained in docs/decisions.md. */
export const AttendanceRules = z
  .object({
    /** Share of the session a member must be connected for to count as present. */
    presentShare: z.number().min(0.05).max(1).default(0.75),
    /** Joining later than this after the start marks the member late. */
    lateGraceMinutes: z.number().int().min(0).max(240).default(10),
    /** Leaving more than this before the end marks the member as having left early. */
    leftEarlyToleranceMinutes: z.number().int().min(0).max(240).default(5),
  })
  .meta({ id: 'AttendanceRules' });
export type AttendanceRules = z.infer<typeof AttendanceRules>;

export const InvitedUnit = z.object({ unitId: Id, name: z.string(), memberCount: z.number().int() });
export const SessionPresenter = z.object({ userId: Id, displayName: z.string() });

export const Material = z
  .object({
    id: Id,
    sessionId: Id,
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Material' });
export type Material = z.infer<typeof Material>;

export const StudySession = z
  .object({
    id: Id,
    title: z.string(),
    topic: z.string().nullable(),
    description: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    mode: SessionMode,
    state: SessionState,
    hostUnitId: Id,
    hostUnitName: z.string(),
    invitedUnits: z.array(InvitedUnit),
    presenters: z.array(SessionPresenter),
    attendanceRules: AttendanceRules,
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    attendanceClosedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    materials: z.array(Material),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StudySession' });
export type StudySession = z.infer<typeof StudySession>;

const SessionFields = z.object({
  title: Text(200),
  topic: OptionalText(300),
  description: OptionalText(5000, { multiline: true }),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  mode: SessionMode,
  hostUnitId: Id,
  /** Every member of these units and of the units under them is invited. */
  invitedUnitIds: z.array(Id).max(1000),
  presenterIds: z.array(Id).max(50),
  /** Replaced as a whole when given; a field left out takes its default. */
  attendanceRules: AttendanceRules.optional(),
});

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt);
const endsAfterStartIssue = { message: 'the end must be after the start', path: ['endsAt'] };

// Defaults belong to creation only: `.partial()` keeps defaults, and an edit must not reset fields it leaves out.
export const CreateSessionBody = SessionFields.extend({
  mode: SessionMode.default('hybrid'),
  invitedUnitIds: SessionFields.shape.invitedUnitIds.default([]),
  presenterIds: SessionFields.shape.presenterIds.default([]),
})
  .refine(endsAfterStart, endsAfterStartIssue)
  .meta({
    id: 'CreateSessionBody',
  });
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const UpdateSessionBody = SessionFields.omit({ hostUnitId: true })
  .partial()
  .extend({ reason: OptionalText(500) })
  .refine(endsAfterStart, endsAfterStartIssue)
  .meta({ id: 'UpdateSessionBody' });
export type UpdateSessionBody = z.infer<typeof UpdateSessionBody>;

export const TransitionBody = z
  .object({ action: SessionAction, reason: OptionalText(500) })
  .meta({ id: 'TransitionBody' });
export type TransitionBody = z.infer<typeof TransitionBody>;

export const SessionQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  state: SessionState.optional(),
});
export type SessionQuery = z.infer<typeof SessionQuery>;

export const JoinLink = z
  .object({
    memberId: Id,
    fullName: z.string(),
    unitId: Id,
    unitName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    url: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'JoinLink' });
export type JoinLink = z.infer<typeof JoinLink>;

export const JoinLinkQuery = z.object({ unitId: Id.optional() });
