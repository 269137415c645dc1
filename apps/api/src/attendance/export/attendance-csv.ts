import type { MemberAttendanceRow } from '@hallbridge/contracts';
import type { Writable } from 'node:stream';
import { writeExcelCsv, type CsvCell } from '../../common/csv';
import { memberCells, memberHeader, PERIOD_COLUMNS, type ReportFormat } from './report-format';

function* mapped<T>(items: readonly T[], cells: (item: T, index: number) => CsvCell[]) {
  for (const [i, item] of items.entries()) yield cells(item, i);
}

/** One row per member (UTF-8 with BOM, so Excel shows Vietnamese), streamed to `out`. */
export function writeSessionCsv(
  out: Writable,
  f: ReportFormat,
  members: readonly MemberAttendanceRow[],
): Promise<void> {
  return writeExcelCsv(
    out,
    memberHeader(f),
    mapped(members, (m, i) => memberCells(f, m, i) as CsvCell[]),
  );
}

export interface PeriodRow {
  sessionId: string;
  sessionTitle: string;
  startsAt: string;
  member: MemberAttendanceRow;
}

/** One row per member and session, sessions in date order. */
export function writePeriodCsv(out: Writable, f: ReportFormat, rows: readonly PeriodRow[]): Promise<void> {
  return writeExcelCsv(
    out,
    memberHeader(f, PERIOD_COLUMNS),
    mapped(rows, (r, i) => [r.sessionTitle, f.date(r.startsAt), ...memberCells(f, r.member, i)] as CsvCell[]),
  );
}
