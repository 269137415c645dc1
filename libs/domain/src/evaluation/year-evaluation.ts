/**
 * The year's record of study that the annual evaluation of branches and members reads: for each
 * member, the sessions they were required at and how they attended (the attendance rules'
 * figures, unchanged), and the reflections asked of them, handed in and graded; for each branch
 * the same summed over its members, against the branch's target.
 */
import { summarizeAttendance, type AttendanceOutcome, type AttendanceSummary } from '../attendance';
import { summarizeReflections, type ReflectionOutcome, type ReflectionSummary } from '../reflections';

/** One member in one session of the year. */
export interface YearEntry {
  attendance: AttendanceOutcome;
  /** The session asked for reflections. */
  reflectionsOn: boolean;
  /** The member's reflection (state, grade); null when none was written. */
  reflection: Omit<ReflectionOutcome, 'required'> | null;
}

export interface YearFigures {
  attendance: AttendanceSummary;
  reflections: ReflectionSummary;
  /** Reflections handed in reach the target (as many as the participation target asks); null without one. */
  reflectionsMeetTarget: boolean | null;
}

// Targets such as 95.5 times a head count are not exact in binary floating point.
const EPSILON = 1e-9;

/** How many of `required` must be counted to reach `targetPercent`. */
export function neededForTarget(required: number, targetPercent: number): number {
  return Math.ceil((targetPercent * required) / 100 - EPSILON);
}

/** Sums a member's (or a branch's) entries; a branch passes its target, a member none. */
export function evaluateYear(
  entries: readonly YearEntry[],
  targetPercent: number | null = null,
): YearFigures {
  const attendance = summarizeAttendance(
    entries.map((e) => e.attendance),
    targetPercent,
  );
  const reflections = summarizeReflections(
    entries
      .filter((e) => e.reflectionsOn)
      .map((e) => ({
        required: e.attendance.required,
        state: e.reflection?.state ?? null,
        gradeKey: e.reflection?.gradeKey ?? null,
        passing: e.reflection?.passing ?? null,
      })),
  );
  return {
    attendance,
    reflections,
    reflectionsMeetTarget:
      targetPercent === null || reflections.required === 0
        ? null
        : reflections.submitted >= neededForTarget(reflections.required, targetPercent),
  };
}
