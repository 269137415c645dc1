import type { MemberAttendanceRow } from '@hallbridge/contracts';
import { toExcelCsv } from '../../common/csv';
import { memberCells, memberHeader, PERIOD_COLUMNS, type ReportFormat } from './report-format';

/** One row per member (UTF-8 with BOM, so Excel shows Vietnamese). */
export function sessionCsv(f: ReportFormat, members: readonly MemberAttendanceRow[]): Buffer {
  return toExcelCsv(
    memberHeader(f),
    members.map((m, i) => memberCells(f, m, i) as (string | number | null)[]),
  );
}

export interface PeriodRow {
  sessionTitle: string;
  startsAt: string;
  member: MemberAttendanceRow;
}

/** One row per member and session, sessions in date order. */
export function periodCsv(f: ReportFormat, rows: readonly PeriodRow[]): Buffer {
  return toExcelCsv(
    memberHeader(f, PERIOD_COLUMNS),
    rows.map(
      (r, i) =>
        [r.sessionTitle, f.date(r.startsAt), ...memberCells(f, r.member, i)] as (string | number | null)[],
    ),
  );
}
