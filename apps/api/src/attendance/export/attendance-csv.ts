import type { MemberAttendanceRow } from '@hallbridge/contracts';
import type { Writable } from 'node:stream';
import { writeExcelCsv, type CsvCell } from '../../common/csv';
import {
  REFLECTION_MEMBER_COLUMNS,
  reflectionHeader,
  reflectionMemberCells,
  type ReflectionLookup,
} from './reflection-columns';
import { memberCells, memberHeader, PERIOD_COLUMNS, type ReportFormat } from './report-format';

function* mapped<T>(items: readonly T[], cells: (item: T, index: number) => CsvCell[]) {
  for (const [i, item] of items.entries()) yield cells(item, i);
}

/**
 * One row per member (UTF-8 with BOM, so Excel shows Vietnamese), streamed to `out`; with
 * `reflections`, each member's reflection and grade after the attendance columns.
 */
export function writeSessionCsv(
  out: Writable,
  f: ReportFormat,
  members: readonly MemberAttendanceRow[],
  reflections: { sessionId: string; lookup: ReflectionLookup } | null = null,
): Promise<void> {
  const extra = reflections ? reflectionHeader(f, REFLECTION_MEMBER_COLUMNS) : [];
  return writeExcelCsv(
    out,
    [...memberHeader(f), ...extra],
    mapped(
      members,
      (m, i) =>
        [
          ...memberCells(f, m, i),
          ...(reflections
            ? reflectionMemberCells(f, reflections.lookup, reflections.sessionId, m.memberId)
            : []),
        ] as CsvCell[],
    ),
  );
}

export interface PeriodRow {
  sessionId: string;
  sessionTitle: string;
  startsAt: string;
  member: MemberAttendanceRow;
}

/** One row per member and session, sessions in date order; reflections as in the session CSV. */
export function writePeriodCsv(
  out: Writable,
  f: ReportFormat,
  rows: readonly PeriodRow[],
  reflections: ReflectionLookup | null = null,
): Promise<void> {
  const extra = reflections ? reflectionHeader(f, REFLECTION_MEMBER_COLUMNS) : [];
  return writeExcelCsv(
    out,
    [...memberHeader(f, PERIOD_COLUMNS), ...extra],
    mapped(
      rows,
      (r, i) =>
        [
          r.sessionTitle,
          f.date(r.startsAt),
          ...memberCells(f, r.member, i),
          ...(reflections ? reflectionMemberCells(f, reflections, r.sessionId, r.member.memberId) : []),
        ] as CsvCell[],
    ),
  );
}
