import type { MemberAttendanceRow } from '@hallbridge/contracts';
import {
  summarizeReflections,
  summarizeReflectionsByUnit,
  type ReflectionOutcome,
  type ReflectionState,
  type ReflectionSummary,
} from '@hallbridge/domain';
import { translatorFor } from '../../common/i18n/translate';
import { percent, type Cell, type ReportFormat } from './report-format';

/** A member's reflection for one session as the exports show it. */
export interface ReflectionMark {
  state: ReflectionState;
  gradeLabel: string | null;
  passing: boolean | null;
}

/**
 * The reflections beside attendance in the attendance exports: which sessions asked for one and what
 * each member handed in. Built only for reviewers (organisers, secretaries), in the same scope as
 * the attendance report; null leaves the columns out.
 */
export interface ReflectionLookup {
  asked: ReadonlySet<string>;
  marks: ReadonlyMap<string, ReflectionMark>;
}

export const markKey = (sessionId: string, memberId: string) => `${sessionId}/${memberId}`;

/** Added after the attendance columns of a member row. */
export const REFLECTION_MEMBER_COLUMNS = ['reflection', 'grade'] as const;
/** Added after the attendance columns of a branch or session row. */
export const REFLECTION_RATE_COLUMNS = ['submitted', 'submissionRate', 'passing', 'passRate'] as const;

export const reflectionHeader = (f: ReportFormat, columns: readonly string[]) =>
  columns.map((c) => f.t(`export.reflectionColumns.${c}`));

const outcome = (
  lookup: ReflectionLookup,
  sessionId: string,
  m: Pick<MemberAttendanceRow, 'memberId' | 'required'>,
): ReflectionOutcome => {
  const mark = lookup.marks.get(markKey(sessionId, m.memberId));
  const graded = mark?.state === 'graded';
  return {
    required: m.required,
    state: mark?.state ?? null,
    gradeKey: graded ? mark.gradeLabel : null,
    passing: graded ? mark.passing : null,
  };
};

/** The member's reflection state and grade; blank when the session asked for none. */
export function reflectionMemberCells(
  f: ReportFormat,
  lookup: ReflectionLookup,
  sessionId: string,
  memberId: string,
): Cell[] {
  if (!lookup.asked.has(sessionId)) return ['', ''];
  const mark = lookup.marks.get(markKey(sessionId, memberId));
  const t = translatorFor(f.locale);
  return [
    t(`reflections.state.${mark?.state ?? 'none'}`) as string,
    mark?.state === 'graded' ? (mark.gradeLabel ?? '') : '',
  ];
}

/** Handed in, submission rate, passing, pass rate; blank when no session of the rows asked for one. */
export function reflectionRateCells(summary: ReflectionSummary | null): Cell[] {
  if (!summary) return ['', '', '', ''];
  return [summary.submitted, percent(summary.submissionRate), summary.passing, percent(summary.passRate)];
}

type Row = { sessionId: string; member: Pick<MemberAttendanceRow, 'memberId' | 'required' | 'unitId'> };

/** Member-sessions summed (never rates averaged); only sessions that asked for reflections count. */
export function summarizeRows(lookup: ReflectionLookup, rows: readonly Row[]): ReflectionSummary | null {
  const asked = rows.filter((r) => lookup.asked.has(r.sessionId));
  return asked.length === 0
    ? null
    : summarizeReflections(asked.map((r) => outcome(lookup, r.sessionId, r.member)));
}

/** One summary per unit id (the branch rows of the attendance tables). */
export function summarizeRowsByUnit(
  lookup: ReflectionLookup,
  rows: readonly Row[],
  unitIds: readonly string[],
): Map<string, ReflectionSummary | null> {
  const asked = rows.filter((r) => lookup.asked.has(r.sessionId));
  const out = new Map<string, ReflectionSummary | null>(unitIds.map((id) => [id, null]));
  if (asked.length === 0) return out;
  const withRows = new Set(asked.map((r) => r.member.unitId));
  for (const s of summarizeReflectionsByUnit(
    asked.map((r) => ({ unitId: r.member.unitId, outcome: outcome(lookup, r.sessionId, r.member) })),
    unitIds,
  ))
    out.set(s.unitId, withRows.has(s.unitId) ? s : null);
  return out;
}
