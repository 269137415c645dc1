import type {
  AttendanceTotals,
  BranchAttendance,
  MemberAttendanceRow,
  SessionAttendance,
  UnitAttendancePeriod,
} from '@hallbridge/contracts';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { PeriodRow } from './attendance-csv';
import {
  REFLECTION_MEMBER_COLUMNS,
  REFLECTION_RATE_COLUMNS,
  reflectionHeader,
  reflectionMemberCells,
  reflectionRateCells,
  summarizeRows,
  summarizeRowsByUnit,
  type ReflectionLookup,
} from './reflection-columns';
import {
  memberCells,
  memberHeader,
  percent,
  PERIOD_COLUMNS,
  type Cell,
  type ReportFormat,
} from './report-format';

/** A raw captured interval or room stay, as the "intervals" sheet lists them. */
export interface RawIntervalRow {
  name: string;
  unitName: string;
  source: string;
  siteName: string;
  startedAt: string;
  endedAt: string | null;
  endReason: string;
  connectionId: string;
}

const DATE_FORMAT = 'dd/mm/yyyy hh:mm:ss';

/** Excel refuses sheet names over 31 characters, with []:*?/\ or used twice. */
function sheetNamer() {
  const used = new Set<string>();
  return (wanted: string) => {
    const base =
      wanted
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}

/** A branch's figures; `live` (a session still running) adds those who can still come. */
function branchCells(f: ReportFormat, b: AttendanceTotals & { unitName: string }, live: boolean): Cell[] {
  return [
    b.unitName,
    b.required,
    b.attending,
    b.byStatus.present_online ?? 0,
    b.byStatus.present_site ?? 0,
    b.byStatus.late ?? 0,
    b.byStatus.left_early ?? 0,
    ...(live ? [b.pending] : []),
    b.excused,
    b.absent,
    b.voluntary,
    percent(b.rate),
    b.targetPercent ?? '',
    b.meetsTarget === null ? '' : f.t(b.meetsTarget ? 'export.yes' : 'export.no'),
  ];
}

const branchColumns = (live: boolean) => [
  'unit',
  'required',
  'attending',
  'present_online',
  'present_site',
  'late',
  'left_early',
  ...(live ? ['pending'] : []),
  'excused',
  'absent',
  'voluntary',
  'rate',
  'target',
  'meetsTarget',
];

/** Rows between two pauses that let the zip compress what was written and the reader catch up. */
const ROWS_PER_PAUSE = 500;

/**
 * ExcelJS's streaming writer keeps every committed row in memory until the event loop turns (the
 * zip compresses only then) and ignores a slow reader. This writes tables in slices, pausing after
 * each until the zip has taken it and the output has drained, so a workbook of any size streams
 * in constant memory. A reader that goes away stops the writing.
 */
class StreamedWorkbook {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(private readonly out: Writable) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    this.workbook.creator = 'HallBridge';
  }

  sheet(name: string, frozenHeader = false): ExcelJS.Worksheet {
    return this.workbook.addWorksheet(name, frozenHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
  }

  /** A bold header, then one row per item. */
  async table<T>(
    sheet: ExcelJS.Worksheet,
    header: string[],
    items: readonly T[],
    cells: (item: T, index: number) => Cell[],
  ): Promise<void> {
    const head = sheet.addRow(header);
    head.font = { bold: true };
    head.commit();
    for (const [i, item] of items.entries()) {
      sheet.addRow(cells(item, i)).commit();
      if (i % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) await this.pause();
    }
  }

  commit(): Promise<void> {
    return this.workbook.commit();
  }

  private async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.out.writableNeedDrain) await Promise.race([once(this.out, 'drain'), once(this.out, 'close')]);
    if (this.out.destroyed) throw new Error('the download was closed before the workbook was written');
  }
}

/** The member-sessions a table sums, for the reflection rates beside its attendance. */
type RatedRows = { lookup: ReflectionLookup; rows: readonly PeriodRowLike[] };
type PeriodRowLike = { sessionId: string; member: MemberAttendanceRow };

async function addBranchTable(
  book: StreamedWorkbook,
  f: ReportFormat,
  sheet: ExcelJS.Worksheet,
  branches: readonly BranchAttendance[],
  total: AttendanceTotals,
  live = false,
  rated: RatedRows | null = null,
) {
  const byUnit = rated
    ? summarizeRowsByUnit(
        rated.lookup,
        rated.rows,
        branches.map((b) => b.unitId),
      )
    : null;
  await book.table(
    sheet,
    [
      ...branchColumns(live).map((c) => f.t(`export.branchColumns.${c}`)),
      ...(rated ? reflectionHeader(f, REFLECTION_RATE_COLUMNS) : []),
    ],
    branches,
    (b) => [...branchCells(f, b, live), ...(byUnit ? reflectionRateCells(byUnit.get(b.unitId) ?? null) : [])],
  );
  const totalRow = sheet.addRow([
    ...branchCells(f, { ...total, unitName: f.t('export.total') }, live),
    ...(rated ? reflectionRateCells(summarizeRows(rated.lookup, rated.rows)) : []),
  ]);
  totalRow.font = { bold: true };
  totalRow.commit();
}

async function addMemberSheet(
  book: StreamedWorkbook,
  f: ReportFormat,
  name: string,
  members: readonly MemberAttendanceRow[],
  reflections: { sessionId: string; lookup: ReflectionLookup } | null,
) {
  const sheet = book.sheet(name, true);
  const header = [...memberHeader(f), ...(reflections ? reflectionHeader(f, REFLECTION_MEMBER_COLUMNS) : [])];
  sheet.columns = header.map((_, i) => ({
    width: [6, 28, 24, 14, 18, 14, 22, 20, 20, 12, 10, 10, 10, 10, 16, 28, 20, 14][i],
    style: i === 7 || i === 8 ? { numFmt: DATE_FORMAT } : {},
  }));
  await book.table(sheet, header, members, (m, i) => [
    ...memberCells(f, m, i, f.wallClock),
    ...(reflections ? reflectionMemberCells(f, reflections.lookup, reflections.sessionId, m.memberId) : []),
  ]);
  sheet.commit();
}

/**
 * A session's workbook: a summary (heading, rules, each branch against its target, guests), one
 * sheet per branch with its members, and the raw intervals. Written as a stream, row by row. With
 * `reflections` (the session asked for them and the reader reviews them), each branch's submission
 * and pass rates beside its attendance and each member's reflection and grade.
 */
export async function writeSessionWorkbook(
  stream: Writable,
  f: ReportFormat,
  report: SessionAttendance,
  intervals: readonly RawIntervalRow[],
  reflections: ReflectionLookup | null = null,
): Promise<void> {
  const asked = reflections?.asked.has(report.sessionId) ? reflections : null;
  const memberReflections = asked ? { sessionId: report.sessionId, lookup: asked } : null;
  const book = new StreamedWorkbook(stream);
  const name = sheetNamer();
  const summary = book.sheet(name(f.t('export.summarySheet')));
  summary.getColumn(1).width = 34;
  const heading = [
    [report.organisationName.toUpperCase()],
    [f.t('export.title')],
    [report.title],
    [f.t('export.scope'), report.scopeUnitName],
    [f.t('export.window'), `${f.clock(report.window.start)} – ${f.clock(report.window.end)}`],
    [
      f.t('export.scheduled'),
      `${f.clock(report.window.scheduledStart)} – ${f.clock(report.window.scheduledEnd)}`,
    ],
    [
      f.t('export.rules'),
      f.t('rulesSummary', {
        share: Math.round(report.rules.presentShare * 100),
        late: report.rules.lateGraceMinutes,
        early: report.rules.leftEarlyToleranceMinutes,
      }),
    ],
    [
      f.t('export.state'),
      report.locked ? f.t('export.locked', { at: f.clock(report.lockedAt) }) : f.t('export.notLocked'),
    ],
    [f.t('export.computedAt'), f.clock(report.computedAt)],
    [],
  ];
  heading.forEach((cells, i) => {
    const row = summary.addRow(cells);
    if (i < 3) row.font = { bold: true, size: i === 1 ? 14 : 12 };
    row.commit();
  });
  await addBranchTable(
    book,
    f,
    summary,
    report.branches,
    report.total,
    report.window.provisional,
    asked
      ? { lookup: asked, rows: report.members.map((member) => ({ sessionId: report.sessionId, member })) }
      : null,
  );
  summary.addRow([]).commit();
  await book.table(
    summary,
    [f.t('export.guestColumns.site'), f.t('export.guestColumns.count'), f.t('export.guestColumns.note')],
    report.guests,
    (g) => [g.siteName, g.count, g.note ?? ''],
  );
  summary.addRow([f.t('export.guestTotal'), report.guestTotal]).commit();
  summary.commit();

  const byBranch = new Map<string, MemberAttendanceRow[]>();
  for (const m of report.members) {
    const list = byBranch.get(m.unitId);
    if (list) list.push(m);
    else byBranch.set(m.unitId, [m]);
  }
  for (const branch of report.branches)
    await addMemberSheet(
      book,
      f,
      name(branch.unitName),
      byBranch.get(branch.unitId) ?? [],
      memberReflections,
    );

  const raw = book.sheet(name(f.t('export.intervalsSheet')), true);
  raw.columns = [28, 24, 16, 22, 20, 20, 10, 14, 24].map((width, i) => ({
    width,
    style: i === 4 || i === 5 ? { numFmt: DATE_FORMAT } : {},
  }));
  await book.table(
    raw,
    ['name', 'unit', 'source', 'site', 'start', 'end', 'seconds', 'endReason', 'connection'].map((c) =>
      f.t(`export.intervalColumns.${c}`),
    ),
    intervals,
    (i) => [
      i.name,
      i.unitName,
      i.source,
      i.siteName,
      f.wallClock(i.startedAt),
      f.wallClock(i.endedAt),
      i.endedAt ? Math.round((Date.parse(i.endedAt) - Date.parse(i.startedAt)) / 1000) : '',
      i.endReason,
      i.connectionId,
    ],
  );
  raw.commit();
  await book.commit();
}

/**
 * A unit's period: sessions and branches summed over member-sessions, then every member-session row;
 * with `reflections`, the reflection rates of each branch and session (over the sessions that asked
 * for one) and each member-session's reflection and grade.
 */
export async function writePeriodWorkbook(
  stream: Writable,
  f: ReportFormat,
  period: UnitAttendancePeriod,
  organisationName: string,
  rows: readonly PeriodRow[],
  reflections: ReflectionLookup | null = null,
): Promise<void> {
  const rated = reflections && rows.some((r) => reflections.asked.has(r.sessionId)) ? reflections : null;
  const book = new StreamedWorkbook(stream);
  const name = sheetNamer();
  const summary = book.sheet(name(f.t('export.summarySheet')));
  summary.getColumn(1).width = 34;
  for (const [i, cells] of [
    [organisationName.toUpperCase()],
    [f.t('export.periodTitle')],
    [period.unitName],
    [f.t('export.period'), `${f.date(period.from)} – ${f.date(period.to)}`],
    [],
  ].entries()) {
    const row = summary.addRow(cells);
    if (i < 3) row.font = { bold: true };
    row.commit();
  }
  await addBranchTable(
    book,
    f,
    summary,
    period.branches,
    period.total,
    false,
    rated && { lookup: rated, rows },
  );
  summary.addRow([]).commit();
  const rowsOf = new Map<string, PeriodRow[]>();
  for (const r of rows) {
    const list = rowsOf.get(r.sessionId);
    if (list) list.push(r);
    else rowsOf.set(r.sessionId, [r]);
  }
  await book.table(
    summary,
    [
      ...['session', 'sessionDate', 'required', 'attending', 'excused', 'absent', 'rate'].map((c) =>
        f.t(`export.sessionColumns.${c}`),
      ),
      ...(rated ? reflectionHeader(f, REFLECTION_RATE_COLUMNS) : []),
    ],
    period.sessions,
    (s) => [
      s.title,
      f.date(s.startsAt),
      s.total.required,
      s.total.attending,
      s.total.excused,
      s.total.absent,
      percent(s.total.rate),
      ...(rated ? reflectionRateCells(summarizeRows(rated, rowsOf.get(s.sessionId) ?? [])) : []),
    ],
  );
  summary.commit();

  const members = book.sheet(name(f.t('export.membersSheet')));
  await book.table(
    members,
    ['fullName', 'unit', 'required', 'attending', 'late', 'left_early', 'excused', 'absent', 'rate'].map(
      (c) => f.t(`export.memberTotalsColumns.${c}`),
    ),
    period.members,
    (m) => [
      m.fullName,
      m.unitName,
      m.total.required,
      m.total.attending,
      m.total.byStatus.late ?? 0,
      m.total.byStatus.left_early ?? 0,
      m.total.excused,
      m.total.absent,
      percent(m.total.rate),
    ],
  );
  members.commit();

  const detail = book.sheet(name(f.t('export.detailSheet')), true);
  await book.table(
    detail,
    [...memberHeader(f, PERIOD_COLUMNS), ...(rated ? reflectionHeader(f, REFLECTION_MEMBER_COLUMNS) : [])],
    rows,
    (r, i) => [
      r.sessionTitle,
      f.date(r.startsAt),
      ...memberCells(f, r.member, i, f.wallClock),
      ...(rated ? reflectionMemberCells(f, rated, r.sessionId, r.member.memberId) : []),
    ],
  );
  detail.commit();
  await book.commit();
}
