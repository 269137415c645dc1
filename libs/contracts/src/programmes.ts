import { z } from 'zod';
import { Id, IsoDateTime, OptionalText, Text } from './common';

export const ProgrammeState = z.enum(['draft', 'open', 'adopted']);
export type ProgrammeState = z.infer<typeof ProgrammeState>;

export const ActionStatus = z.enum(['planned', 'in_progress', 'done', 'cancelled']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** A calendar day, yyyy-mm-dd. */
export const CalendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as yyyy-mm-dd');

export const ProgrammeProgress = z
  .object({
    total: z.number().int(),
    planned: z.number().int(),
    inProgress: z.number().int(),
    done: z.number().int(),
    cancelled: z.number().int(),
    overdue: z.number().int(),
    doneShare: z.number().nullable(),
  })
  .meta({ id: 'ProgrammeProgress' });
export type ProgrammeProgress = z.infer<typeof ProgrammeProgress>;

export const ProgrammeAction = z
  .object({
    id: Id,
    position: z.number().int(),
    title: z.string(),
    owner: z.string(),
    dueDate: z.string().nullable(),
    status: ActionStatus,
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProgrammeAction' });
export type ProgrammeAction = z.infer<typeof ProgrammeAction>;

export const ProgrammeComment = z
  .object({ id: Id, authorName: z.string(), body: z.string(), createdAt: z.string() })
  .meta({ id: 'ProgrammeComment' });
export type ProgrammeComment = z.infer<typeof ProgrammeComment>;

/** A branch's programme for a session; `id` is null while nothing has been drafted. */
export const Programme = z
  .object({
    id: Id.nullable(),
    sessionId: Id,
    sessionTitle: z.string(),
    unitId: Id,
    unitName: z.string(),
    state: ProgrammeState,
    commentsCloseAt: z.string().nullable(),
    adoptedAt: z.string().nullable(),
    adoptedBy: z.string().nullable(),
    actions: z.array(ProgrammeAction),
    comments: z.array(ProgrammeComment),
    progress: ProgrammeProgress,
    /** The caller drafts it (the branch's secretary, or an organiser above the branch). */
    canEdit: z.boolean(),
    /** The caller may comment now (a member of the branch while it is open). */
    canComment: z.boolean(),
  })
  .meta({ id: 'Programme' });
export type Programme = z.infer<typeof Programme>;

export const ProgrammeOverviewRow = z
  .object({
    unitId: Id,
    unitName: z.string(),
    programmeId: Id.nullable(),
    state: ProgrammeState.nullable(),
    commentsCloseAt: z.string().nullable(),
    adoptedAt: z.string().nullable(),
    comments: z.number().int(),
    progress: ProgrammeProgress,
  })
  .meta({ id: 'ProgrammeOverviewRow' });
export type ProgrammeOverviewRow = z.infer<typeof ProgrammeOverviewRow>;

/** Every branch's programme of a session, for the organiser (a secretary sees their own). */
export const SessionProgrammes = z
  .object({
    sessionId: Id,
    title: z.string(),
    branches: z.array(ProgrammeOverviewRow),
    total: ProgrammeProgress,
    adopted: z.number().int(),
  })
  .meta({ id: 'SessionProgrammes' });
export type SessionProgrammes = z.infer<typeof SessionProgrammes>;

export const ProgrammeActionBody = z
  .object({
    title: Text(500),
    owner: Text(200),
    dueDate: CalendarDay.nullish(),
    status: ActionStatus.default('planned'),
    note: OptionalText(2000),
  })
  .meta({ id: 'ProgrammeActionBody' });
export type ProgrammeActionBody = z.infer<typeof ProgrammeActionBody>;

export const UpdateProgrammeActionBody = z
  .object({
    title: Text(500).optional(),
    owner: Text(200).optional(),
    dueDate: CalendarDay.nullish(),
    status: ActionStatus.optional(),
    note: OptionalText(2000),
    /** Why an adopted programme changes, for the audit log. */
    why: OptionalText(500),
  })
  .meta({ id: 'UpdateProgrammeActionBody' });
export type UpdateProgrammeActionBody = z.infer<typeof UpdateProgrammeActionBody>;

export const OpenProgrammeBody = z.object({ commentsCloseAt: IsoDateTime }).meta({ id: 'OpenProgrammeBody' });
export type OpenProgrammeBody = z.infer<typeof OpenProgrammeBody>;

export const ProgrammeCommentBody = z.object({ body: Text(2000) }).meta({ id: 'ProgrammeCommentBody' });
export type ProgrammeCommentBody = z.infer<typeof ProgrammeCommentBody>;

export const ProgrammeParam = z.object({ id: Id, unitId: Id });
