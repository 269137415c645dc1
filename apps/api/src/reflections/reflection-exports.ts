import type { SessionReflections } from '@hallbridge/contracts';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { translatorFor } from '../common/i18n/translate';
import { toExcelCsv } from '../common/csv';
import type { ReportFormat } from '../attendance/export/report-format';

type Cell = string | number | null;

const percent = (rate: number | null) => (rate === null ? '' : Math.round(rate * 1000) / 10);

/** Labels of the reflection exports, beside the attendance export's own (status, times). */
export function reflectionLabels(f: ReportFormat) {
  const t = translatorFor(f.locale);
  return (key: string, params?: Record<string, unknown>) =>
    t(`reflections.export.${key}`, params ?? {}) as string;
}

const MEMBER_COLUMNS = [
  'no',
  'fullName',
  'unit',
  'memberKind',
  'attendance',
  'state',
  'submittedAt',
  'words',
  'attachment',
  'grade',
  'comment',
];
const BRANCH_COLUMNS = [
  'unit',
  'required',
  'submitted',
  'submissionRate',
  'awaitingReview',
  'revisionRequested',
  'graded',
  'passing',
  'passRate',
];

function memberRows(f: ReportFormat, data: SessionReflections): Cell[][] {
  const t = reflectionLabels(f);
  const stateLabel = translatorFor(f.locale);
  return data.members.map((m, i) => [
    i + 1,
    m.fullName,
    m.unitName,
    f.t(`memberKind.${m.required ? 'required' : 'voluntary'}`),
    m.attendance ? f.t(`status.${m.attendance}`) : '',
    stateLabel(`reflections.state.${m.state ?? 'none'}`) as string,
    m.submittedAt ? f.clock(m.submittedAt) : '',
    m.words ?? '',
    m.hasAttachment ? t('yes') : '',
    m.state === 'graded' ? (m.review?.gradeLabel ?? '') : '',
    m.review?.comment ?? '',
  ]);
}

function branchRows(data: SessionReflections, totalLabel: string): Cell[][] {
  return [...data.branches, { ...data.total, unitName: totalLabel }].map((b) => [
    b.unitName,
    b.required,
    b.submitted,
    percent(b.submissionRate),
    b.awaitingReview,
    b.revisionRequested,
    b.graded,
    b.passing,
    percent(b.passRate),
  ]);
}

/** One row per member: attendance status beside the reflection's state and grade (UTF-8 with BOM). */
export function reflectionsCsv(f: ReportFormat, data: SessionReflections): Buffer {
  const t = reflectionLabels(f);
  return toExcelCsv(
    MEMBER_COLUMNS.map((c) => t(`columns.${c}`)),
    memberRows(f, data),
  );
}

/** A summary (each branch's submission and grade rates, by grade) and the members. */
export async function writeReflectionsWorkbook(
  stream: Writable,
  f: ReportFormat,
  data: SessionReflections,
): Promise<void> {
  const t = reflectionLabels(f);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'HallBridge';
  const summary = workbook.addWorksheet(t('summarySheet'));
  summary.getColumn(1).width = 34;
  const bold = (cells: Cell[], size?: number) => {
    const row = summary.addRow(cells);
    row.font = { bold: true, ...(size ? { size } : {}) };
    row.commit();
  };
  bold([t('title')], 14);
  bold([data.title]);
  summary.addRow([t('scope'), data.scopeUnitName]).commit();
  if (data.settings) summary.addRow([t('deadline'), f.clock(data.settings.deadline)]).commit();
  summary.addRow([]).commit();
  bold(BRANCH_COLUMNS.map((c) => t(`branchColumns.${c}`)));
  for (const cells of branchRows(data, t('total'))) summary.addRow(cells).commit();
  summary.addRow([]).commit();
  const scale = data.settings?.gradeScale ?? [];
  bold([t('gradesTitle'), ...scale.map((g) => g.label)]);
  for (const b of [...data.branches, { ...data.total, unitName: t('total') }])
    summary.addRow([b.unitName, ...scale.map((g) => b.byGrade[g.key] ?? 0)]).commit();
  summary.commit();

  const members = workbook.addWorksheet(t('membersSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  members.columns = [6, 28, 24, 18, 22, 18, 20, 10, 10, 14, 40].map((width) => ({ width }));
  const head = members.addRow(MEMBER_COLUMNS.map((c) => t(`columns.${c}`)));
  head.font = { bold: true };
  head.commit();
  for (const cells of memberRows(f, data)) members.addRow(cells).commit();
  members.commit();
  await workbook.commit();
}
