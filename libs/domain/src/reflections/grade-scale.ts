/**
 * The grades a secretary can give, configured per session by the organiser (for example Tốt,
 * Đạt, Chưa đạt). Keys are stable identifiers; labels are what people read; `passing` says which
 * grades meet the requirement, for the pass rate and the year's evaluation.
 */
export interface GradeLevel {
  key: string;
  label: string;
  passing: boolean;
}

export type GradeScaleProblem = 'too_few' | 'duplicate_key' | 'none_passing';

export function gradeScaleProblem(scale: readonly GradeLevel[]): GradeScaleProblem | null {
  if (scale.length < 2) return 'too_few';
  if (new Set(scale.map((g) => g.key)).size !== scale.length) return 'duplicate_key';
  if (!scale.some((g) => g.passing)) return 'none_passing';
  return null;
}

export function findGrade(scale: readonly GradeLevel[], key: string): GradeLevel | null {
  return scale.find((g) => g.key === key) ?? null;
}
