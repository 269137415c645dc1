import type { GradeLevel, Reflection, ReflectionReview, ReflectionSettings } from '@hallbridge/contracts';
import type { Prisma } from '../database/prisma.service';

export type ReflectionRow = Prisma.ReflectionGetPayload<object>;
export type SettingsRow = Prisma.ReflectionSettingsGetPayload<object>;

export function toSettings(s: SettingsRow): ReflectionSettings {
  return {
    sessionId: s.sessionId,
    enabled: s.enabled,
    deadline: s.deadline.toISOString(),
    questions: s.questions as string[],
    minWords: s.minWords,
    gradeScale: scaleOf(s),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function reviewOf(r: ReflectionRow): ReflectionReview | null {
  if (!r.reviewedAt) return null;
  return {
    gradeKey: r.gradeKey,
    gradeLabel: r.gradeLabel,
    passing: r.gradePassing,
    comment: r.reviewComment,
    reviewedAt: r.reviewedAt.toISOString(),
    reviewedBy: r.reviewedBy ?? '',
  };
}

export function attachmentOf(r: ReflectionRow) {
  return r.attachmentKey
    ? { fileName: r.attachmentName ?? '', mimeType: r.attachmentType ?? '', size: r.attachmentSize ?? 0 }
    : null;
}

export function toReflection(r: ReflectionRow): Reflection {
  return {
    id: r.id,
    sessionId: r.sessionId,
    memberId: r.memberId,
    state: r.state,
    body: r.body,
    words: r.words,
    version: r.version,
    changedSinceSubmit: r.submittedVersion === null || r.submittedVersion !== r.version,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    attachment: attachmentOf(r),
    review: reviewOf(r),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const scaleOf = (s: SettingsRow) => s.gradeScale as unknown as GradeLevel[];
