import { z } from 'zod';
import { Id } from './common';
import { MemberStatus } from './members';

export const EvaluationQuery = z.object({
  /** A calendar year in the report time zone; the current one by default. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

const rate = z.number().nullable();

/** What the year's attendance and reflections add up to, for a member or a branch. */
export const YearFigures = z
  .object({
    /** Member-sessions the member (or the branch's members) were required at. */
    required: z.number().int(),
    attended: z.number().int(),
    excused: z.number().int(),
    absent: z.number().int(),
    attendanceRate: rate,
    /** Reflections asked of required members (sessions that asked for one). */
    reflectionsAsked: z.number().int(),
    reflectionsSubmitted: z.number().int(),
    reflectionsGraded: z.number().int(),
    reflectionsPassing: z.number().int(),
    /** Graded reflections by grade label (labels are compared across sessions). */
    byGrade: z.record(z.string(), z.number().int()),
    submissionRate: rate,
    passRate: rate,
  })
  .meta({ id: 'YearFigures' });
export type YearFigures = z.infer<typeof YearFigures>;

export const YearMember = z
  .object({
    memberId: Id,
    fullName: z.string(),
    unitId: Id,
    unitName: z.string(),
    memberStatus: MemberStatus,
    figures: YearFigures,
  })
  .meta({ id: 'YearMember' });
export type YearMember = z.infer<typeof YearMember>;

export const YearBranch = z
  .object({
    unitId: Id,
    unitName: z.string(),
    targetPercent: z.number().nullable(),
    figures: YearFigures,
    attendanceMeetsTarget: z.boolean().nullable(),
    reflectionsMeetTarget: z.boolean().nullable(),
  })
  .meta({ id: 'YearBranch' });
export type YearBranch = z.infer<typeof YearBranch>;

/** The record the annual evaluation of branches and members reads. */
export const YearEvaluation = z
  .object({
    unitId: Id,
    unitName: z.string(),
    organisationName: z.string(),
    year: z.number().int(),
    from: z.string(),
    to: z.string(),
    sessions: z.array(
      z.object({ sessionId: Id, title: z.string(), startsAt: z.string(), reflectionsOn: z.boolean() }),
    ),
    /** Grade labels in the order the scales list them, best first. */
    grades: z.array(z.string()),
    branches: z.array(YearBranch),
    members: z.array(YearMember),
    total: YearBranch,
  })
  .meta({ id: 'YearEvaluation' });
export type YearEvaluation = z.infer<typeof YearEvaluation>;
