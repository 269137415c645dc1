import type { YearBranch, YearEvaluation, YearFigures } from '@hallbridge/contracts';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { escape, heading, page, signatures } from '../attendance/export/attendance-print';
import type { ReportFormat } from '../attendance/export/report-format';
import { translatorFor } from '../common/i18n/translate';

const percent = (rate: number | null) => (rate === null ? '' : Math.round(rate * 1000) / 10);

export function evaluationLabels(f: ReportFormat) {
  const t = translatorFor(f.locale);
  return (key: string, params?: Record<string, unknown>) => t(`evaluation.${key}`, params ?? {}) as string;
}

const FIGURE_COLUMNS = [
  'required',
  'attended',
  'excused',
  'absent',
  'attendanceRate',
  'reflectionsAsked',
  'reflectionsSubmitted',
  'submissionRate',
  'reflectionsPassing',
] as const;

function figureCells(fig: YearFigures, grades: readonly string[]): (string | number)[] {
  return [
    fig.required,
    fig.attended,
    fig.excused,
    fig.absent,
    percent(fig.attendanceRate),
    fig.reflectionsAsked,
    fig.reflectionsSubmitted,
    percent(fig.submissionRate),
    fig.reflectionsPassing,
    ...grades.map((g) => fig.byGrade[g] ?? 0),
  ];
}

const yesNo = (f: ReportFormat, v: boolean | null) => (v === null ? '' : f.t(v ? 'export.yes' : 'export.no'));

function branchCells(f: ReportFormat, b: YearBranch, grades: readonly string[]) {
  return [
    b.unitName,
    b.targetPercent ?? '',
    ...figureCells(b.figures, grades),
    yesNo(f, b.attendanceMeetsTarget),
    yesNo(f, b.reflectionsMeetTarget),
  ];
}

function headers(f: ReportFormat, grades: readonly string[]) {
  const t = evaluationLabels(f);
  const figures = [
    ...FIGURE_COLUMNS.map((c) => t(`columns.${c}`)),
    ...grades.map((g) => t('columns.grade', { grade: g })),
  ];
  return {
    branch: [
      t('columns.unit'),
      t('columns.target'),
      ...figures,
      t('columns.attendanceMeetsTarget'),
      t('columns.reflectionsMeetTarget'),
    ],
    member: [t('columns.no'), t('columns.fullName'), t('columns.unit'), ...figures],
  };
}

/** The year's evaluation: the branches against their targets, then every member. */
export async function writeEvaluationWorkbook(
  stream: Writable,
  f: ReportFormat,
  e: YearEvaluation,
): Promise<void> {
  const t = evaluationLabels(f);
  const h = headers(f, e.grades);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'HallBridge';
  const add = (sheet: ExcelJS.Worksheet, cells: (string | number)[], bold = false) => {
    const row = sheet.addRow(cells);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  const summary = workbook.addWorksheet(t('branchesSheet'));
  summary.getColumn(1).width = 34;
  add(summary, [e.organisationName.toUpperCase()], true);
  add(summary, [t('title', { year: e.year })], true);
  add(summary, [e.unitName], true);
  add(summary, [t('period'), `${f.date(e.from)} – ${f.date(new Date(Date.parse(e.to) - 1).toISOString())}`]);
  add(summary, [t('sessionCount'), e.sessions.length]);
  add(summary, []);
  add(summary, h.branch, true);
  for (const b of e.branches) add(summary, branchCells(f, b, e.grades));
  add(summary, branchCells(f, { ...e.total, unitName: t('total') }, e.grades), true);
  summary.commit();

  const members = workbook.addWorksheet(t('membersSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  members.columns = [6, 28, 24].map((width) => ({ width }));
  add(members, h.member, true);
  e.members.forEach((m, i) =>
    add(members, [i + 1, m.fullName, m.unitName, ...figureCells(m.figures, e.grades)]),
  );
  members.commit();

  const sessions = workbook.addWorksheet(t('sessionsSheet'));
  add(sessions, [t('columns.sessionDate'), t('columns.session'), t('columns.reflectionsOn')], true);
  for (const s of e.sessions) add(sessions, [f.date(s.startsAt), s.title, t(s.reflectionsOn ? 'yes' : 'no')]);
  sessions.commit();
  await workbook.commit();
}

/** The printable record (A4, the organisation's heading and signatures, as the attendance report). */
export function renderEvaluationPrint(f: ReportFormat, e: YearEvaluation): string {
  const t = evaluationLabels(f);
  const h = headers(f, e.grades);
  const table = (head: string[], rows: (string | number)[][], foot?: (string | number)[]) =>
    `<table><thead><tr>${head.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>${rows
      .map(
        (r) =>
          `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="num"' : ''}>${escape(c)}</td>`).join('')}</tr>`,
      )
      .join(
        '',
      )}</tbody>${foot ? `<tfoot><tr>${foot.map((c) => `<td${typeof c === 'number' ? ' class="num"' : ''}>${escape(c)}</td>`).join('')}</tr></tfoot>` : ''}</table>`;
  const body = `${heading(f, e.organisationName, e.unitName, new Date(Math.min(Date.now(), Date.parse(e.to) - 1)).toISOString())}
    <h1>${escape(t('title', { year: e.year }))}</h1>
    <p class="subtitle">${escape(e.unitName)}</p>
    <dl>
      <dt>${escape(t('period'))}</dt><dd>${escape(`${f.date(e.from)} – ${f.date(new Date(Date.parse(e.to) - 1).toISOString())}`)}</dd>
      <dt>${escape(t('sessionCount'))}</dt><dd>${e.sessions.length}</dd>
    </dl>
    <h2>${escape(t('branchesSheet'))}</h2>
    <div data-testid="print-evaluation-branches">${table(
      h.branch,
      e.branches.map((b) => branchCells(f, b, e.grades)),
      branchCells(f, { ...e.total, unitName: t('total') }, e.grades),
    )}</div>
    <h2>${escape(t('membersSheet'))}</h2>
    ${table(
      h.member,
      e.members.map((m, i) => [i + 1, m.fullName, m.unitName, ...figureCells(m.figures, e.grades)]),
    )}
    <h2>${escape(t('sessionsSheet'))}</h2>
    ${table(
      [t('columns.sessionDate'), t('columns.session'), t('columns.reflectionsOn')],
      e.sessions.map((s) => [f.date(s.startsAt), s.title, t(s.reflectionsOn ? 'yes' : 'no')]),
    )}
    ${signatures(f)}`;
  return page(f, `${t('title', { year: e.year })} — ${e.unitName}`, body).replace(
    '</style>',
    ' table { font-size: 9.5pt; } th, td { padding: 0.6mm 1.2mm; }</style>',
  );
}
