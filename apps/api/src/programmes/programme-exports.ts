import type { Programme, SessionProgrammes } from '@hallbridge/contracts';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { translatorFor } from '../common/i18n/translate';
import type { CatalogueLocale } from '@hallbridge/i18n';

const percent = (rate: number | null) => (rate === null ? '' : Math.round(rate * 1000) / 10);

/** Every branch's programme of a session: the overview, then each action with its owner and status. */
export async function writeProgrammesWorkbook(
  stream: Writable,
  locale: CatalogueLocale,
  overview: SessionProgrammes,
  programmes: readonly Programme[],
  date: (iso: string) => string,
): Promise<void> {
  const tr = translatorFor(locale);
  const t = (key: string) => tr(`programmes.export.${key}`) as string;
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
  const summary = workbook.addWorksheet(t('summarySheet'));
  summary.columns = [34, 18, 10, 10, 12, 10, 12, 14].map((width) => ({ width }));
  add(summary, [t('title')], true);
  add(summary, [overview.title], true);
  add(summary, []);
  add(
    summary,
    ['unit', 'state', 'total', 'done', 'inProgress', 'overdue', 'doneShare', 'adoptedAt'].map((c) =>
      t(`columns.${c}`),
    ),
    true,
  );
  for (const b of overview.branches)
    add(summary, [
      b.unitName,
      tr(`programmes.state.${b.state ?? 'none'}`) as string,
      b.progress.total,
      b.progress.done,
      b.progress.inProgress,
      b.progress.overdue,
      percent(b.progress.doneShare),
      b.adoptedAt ? date(b.adoptedAt) : '',
    ]);
  add(
    summary,
    [
      t('total'),
      '',
      overview.total.total,
      overview.total.done,
      overview.total.inProgress,
      overview.total.overdue,
      percent(overview.total.doneShare),
      '',
    ],
    true,
  );
  summary.commit();

  const actions = workbook.addWorksheet(t('actionsSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  actions.columns = [28, 6, 50, 24, 14, 16, 40].map((width) => ({ width }));
  add(
    actions,
    ['unit', 'no', 'action', 'owner', 'dueDate', 'status', 'note'].map((c) => t(`columns.${c}`)),
    true,
  );
  for (const p of programmes)
    p.actions.forEach((a, i) =>
      add(actions, [
        p.unitName,
        i + 1,
        a.title,
        a.owner,
        a.dueDate ? date(`${a.dueDate}T12:00:00Z`) : '',
        tr(`programmes.status.${a.status}`) as string,
        a.note ?? '',
      ]),
    );
  actions.commit();
  await workbook.commit();
}
