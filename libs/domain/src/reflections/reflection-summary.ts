/**
 * Submission and grade rates of a branch or a session. Like attendance, only required (active)
 * members are the denominator; exempt members who write anyway are counted apart. Figures are
 * summed over members, never averaged over branches.
 */
import { isHandedIn, type ReflectionState } from './reflection-rules';

export interface ReflectionOutcome {
  required: boolean;
  /** null: nothing written yet. */
  state: ReflectionState | null;
  gradeKey: string | null;
  passing: boolean | null;
}

export interface ReflectionSummary {
  required: number;
  /** Required members who handed in (submitted, being revised, or graded). */
  submitted: number;
  /** Required members with a draft not yet handed in. */
  drafts: number;
  /** Handed in and waiting for the secretary. */
  awaitingReview: number;
  revisionRequested: number;
  graded: number;
  passing: number;
  byGrade: Record<string, number>;
  /** Exempt members who handed in; never part of the rates. */
  voluntary: number;
  /** submitted / required; null when nobody is required. */
  submissionRate: number | null;
  /** graded / submitted; null when nothing was submitted. */
  gradedRate: number | null;
  /** passing / graded; null when nothing was graded. */
  passRate: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function summarizeReflections(outcomes: readonly ReflectionOutcome[]): ReflectionSummary {
  const s = {
    required: 0,
    submitted: 0,
    drafts: 0,
    awaitingReview: 0,
    revisionRequested: 0,
    graded: 0,
    passing: 0,
    byGrade: {} as Record<string, number>,
    voluntary: 0,
  };
  for (const o of outcomes) {
    if (!o.required) {
      if (isHandedIn(o.state)) s.voluntary++;
      continue;
    }
    s.required++;
    if (o.state === 'draft') s.drafts++;
    if (!isHandedIn(o.state)) continue;
    s.submitted++;
    if (o.state === 'submitted') s.awaitingReview++;
    if (o.state === 'revision_requested') s.revisionRequested++;
    if (o.state === 'graded') {
      s.graded++;
      if (o.passing) s.passing++;
      if (o.gradeKey) s.byGrade[o.gradeKey] = (s.byGrade[o.gradeKey] ?? 0) + 1;
    }
  }
  return {
    ...s,
    submissionRate: ratio(s.submitted, s.required),
    gradedRate: ratio(s.graded, s.submitted),
    passRate: ratio(s.passing, s.graded),
  };
}

/** One summary per unit, in the order given (a branch nobody wrote in still shows), then any others. */
export function summarizeReflectionsByUnit(
  rows: readonly { unitId: string; outcome: ReflectionOutcome }[],
  unitIds: readonly string[],
): ({ unitId: string } & ReflectionSummary)[] {
  const grouped = new Map<string, ReflectionOutcome[]>(unitIds.map((id) => [id, []]));
  for (const r of rows) {
    const list = grouped.get(r.unitId);
    if (list) list.push(r.outcome);
    else grouped.set(r.unitId, [r.outcome]);
  }
  return [...grouped].map(([unitId, list]) => ({ unitId, ...summarizeReflections(list) }));
}
