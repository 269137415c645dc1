import { z } from 'zod';
import { cleanString, Id, IsoDateTime, Key, OptionalText, Text } from './common';
import { AttendanceStatusCode } from './attendance';
import { MemberStatus } from './members';

export const ReflectionState = z.enum(['draft', 'submitted', 'revision_requested', 'graded']);
export type ReflectionState = z.infer<typeof ReflectionState>;

export const GradeLevel = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]{1,32}$/, 'lowercase letters, digits, - and _ (up to 32)'),
    label: Text(60),
    /** This grade meets the requirement (counts in the pass rate). */
    passing: z.boolean(),
  })
  .meta({ id: 'GradeLevel' });
export type GradeLevel = z.infer<typeof GradeLevel>;

/** The organiser's call for reflections on a session. */
export const ReflectionSettingsBody = z
  .object({
    enabled: z.boolean().default(true),
    deadline: IsoDateTime,
    /** Guiding questions shown beside the editor. */
    questions: z.array(Text(500)).max(10).default([]),
    /** Fewest words a reflection must have to be submitted (0 for no minimum). */
    minWords: z.number().int().min(0).max(10_000).default(0),
    gradeScale: z.array(GradeLevel).min(2).max(8),
  })
  .meta({ id: 'ReflectionSettingsBody' });
export type ReflectionSettingsBody = z.infer<typeof ReflectionSettingsBody>;

export const ReflectionSettings = z
  .object({
    sessionId: Id,
    enabled: z.boolean(),
    deadline: z.string(),
    questions: z.array(z.string()),
    minWords: z.number().int(),
    gradeScale: z.array(GradeLevel),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReflectionSettings' });
export type ReflectionSettings = z.infer<typeof ReflectionSettings>;

/** Whether a session asks for reflections, and how. */
export const ReflectionCall = z
  .object({ settings: ReflectionSettings.nullable() })
  .meta({ id: 'ReflectionCall' });
export type ReflectionCall = z.infer<typeof ReflectionCall>;

export const ReflectionAttachment = z
  .object({ fileName: z.string(), mimeType: z.string(), size: z.number().int() })
  .meta({ id: 'ReflectionAttachment' });
export type ReflectionAttachment = z.infer<typeof ReflectionAttachment>;

export const ReflectionReview = z
  .object({
    gradeKey: z.string().nullable(),
    gradeLabel: z.string().nullable(),
    passing: z.boolean().nullable(),
    comment: z.string().nullable(),
    reviewedAt: z.string(),
    reviewedBy: z.string(),
  })
  .meta({ id: 'ReflectionReview' });
export type ReflectionReview = z.infer<typeof ReflectionReview>;

/** Why the member may not change their reflection now (null: they may). */
export const ReflectionClosedReason = z.enum(['reflections_off', 'after_deadline', 'graded']);

/** A reflection as its writer sees it: the working text, what was handed in, and the review. */
export const Reflection = z
  .object({
    id: Id,
    sessionId: Id,
    memberId: Id,
    state: ReflectionState,
    body: z.string(),
    words: z.number().int(),
    version: z.number().int(),
    /** The working text differs from what was handed in. */
    changedSinceSubmit: z.boolean(),
    submittedAt: z.string().nullable(),
    attachment: ReflectionAttachment.nullable(),
    review: ReflectionReview.nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Reflection' });
export type Reflection = z.infer<typeof Reflection>;

export const MyReflection = z
  .object({
    settings: ReflectionSettings,
    sessionTitle: z.string(),
    /** null until the member writes something. */
    reflection: Reflection.nullable(),
    closedReason: ReflectionClosedReason.nullable(),
    serverTime: z.string(),
  })
  .meta({ id: 'MyReflection' });
export type MyReflection = z.infer<typeof MyReflection>;

/** Up to 200 kB of the editor's HTML; the server keeps only what its allow-list lets through. */
export const SaveReflectionBody = z
  .object({
    body: cleanString({ multiline: true }).max(200_000),
    /** The version the text was written on (0 for a first save). */
    baseVersion: z.number().int().min(0),
  })
  .meta({ id: 'SaveReflectionBody' });
export type SaveReflectionBody = z.infer<typeof SaveReflectionBody>;

export const SubmitReflectionBody = z
  .object({ version: z.number().int().min(1) })
  .meta({ id: 'SubmitReflectionBody' });
export type SubmitReflectionBody = z.infer<typeof SubmitReflectionBody>;

export const ReviewReflectionBody = z
  .object({
    /** A grade from the session's scale, or a request to revise. */
    decision: z.enum(['grade', 'revise']),
    gradeKey: Key(32).optional(),
    comment: OptionalText(2000),
  })
  .refine((v) => v.decision !== 'grade' || !!v.gradeKey, { message: 'choose a grade', path: ['gradeKey'] })
  .refine((v) => v.decision !== 'revise' || !!v.comment, { message: 'say what to revise', path: ['comment'] })
  .meta({ id: 'ReviewReflectionBody' });
export type ReviewReflectionBody = z.infer<typeof ReviewReflectionBody>;

export const ReflectionRates = z
  .object({
    required: z.number().int(),
    submitted: z.number().int(),
    drafts: z.number().int(),
    awaitingReview: z.number().int(),
    revisionRequested: z.number().int(),
    graded: z.number().int(),
    passing: z.number().int(),
    byGrade: z.record(z.string(), z.number().int()),
    voluntary: z.number().int(),
    submissionRate: z.number().nullable(),
    gradedRate: z.number().nullable(),
    passRate: z.number().nullable(),
  })
  .meta({ id: 'ReflectionRates' });
export type ReflectionRates = z.infer<typeof ReflectionRates>;

export const BranchReflectionRates = ReflectionRates.extend({ unitId: Id, unitName: z.string() }).meta({
  id: 'BranchReflectionRates',
});
export type BranchReflectionRates = z.infer<typeof BranchReflectionRates>;

/** One member's line in the secretary's list: the text only once handed in. */
export const ReflectionRow = z
  .object({
    memberId: Id,
    fullName: z.string(),
    unitId: Id,
    unitName: z.string(),
    memberStatus: MemberStatus,
    required: z.boolean(),
    /** The member's attendance status in the session, beside the reflection. */
    attendance: AttendanceStatusCode.nullable(),
    reflectionId: Id.nullable(),
    state: ReflectionState.nullable(),
    submittedAt: z.string().nullable(),
    words: z.number().int().nullable(),
    hasAttachment: z.boolean(),
    review: ReflectionReview.nullable(),
  })
  .meta({ id: 'ReflectionRow' });
export type ReflectionRow = z.infer<typeof ReflectionRow>;

export const SessionReflections = z
  .object({
    sessionId: Id,
    title: z.string(),
    settings: ReflectionSettings.nullable(),
    scopeUnitName: z.string(),
    /** The caller may grade (a secretary of the branch, or an organiser above it). */
    canReview: z.boolean(),
    total: ReflectionRates,
    branches: z.array(BranchReflectionRates),
    members: z.array(ReflectionRow),
  })
  .meta({ id: 'SessionReflections' });
export type SessionReflections = z.infer<typeof SessionReflections>;

/** A handed-in reflection as the reviewer reads it. */
export const ReflectionForReview = z
  .object({
    id: Id,
    sessionId: Id,
    sessionTitle: z.string(),
    memberId: Id,
    fullName: z.string(),
    unitName: z.string(),
    state: ReflectionState,
    body: z.string(),
    words: z.number().int(),
    submittedAt: z.string().nullable(),
    attachment: ReflectionAttachment.nullable(),
    review: ReflectionReview.nullable(),
    gradeScale: z.array(GradeLevel),
    questions: z.array(z.string()),
  })
  .meta({ id: 'ReflectionForReview' });
export type ReflectionForReview = z.infer<typeof ReflectionForReview>;
