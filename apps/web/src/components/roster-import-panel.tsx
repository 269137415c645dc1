import type { ImportReport } from '@hallbridge/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import { useImportRoster } from '../api/members';
import { formatNumber } from '../i18n/format';
import { rosterTemplateBlob, saveBlob } from '../lib/roster-template';
import type { UnitNode } from '../lib/unit-tree';
import { ErrorAlert } from './error-alert';
import { FilePicker } from './file-picker';
import { FormField } from './form-field';
import { ImportReportView } from './import-report-view';
import { UnitSelect } from './unit-select';

/** Report of IMPORT_INVALID, which the server sends as the error's details. */
const reportOf = (error: unknown): ImportReport | null =>
  isApiError(error, 'IMPORT_INVALID') ? (error.details as ImportReport) : null;

/**
 * Roster import in two steps: the file is checked first (a dry run writes nothing), then imported
 * all or nothing. A file with any error shows every problem and changes nothing.
 */
export function RosterImportPanel({ tree, onClose }: { tree: UnitNode[]; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportRoster();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState('');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);

  const check = (f: File | null, unit: string) => {
    setPreview(null);
    setDone(null);
    run.reset();
    if (f) run.mutate({ file: f, dryRun: true, unitId: unit || undefined }, { onSuccess: setPreview });
  };
  const failed = reportOf(run.error);
  // Rows matching a member already on the roster are skipped by the import.
  const importable = preview
    ? preview.rows - new Set(preview.duplicates.filter((d) => d.matchesMemberId).map((d) => d.row)).size
    : 0;

  return (
    <section className="panel stack" aria-labelledby="import-title" data-testid="roster-import">
      <div className="panel__header">
        <h2 id="import-title">{t('roster.import.title')}</h2>
        <div className="panel__actions">
          <button
            type="button"
            className="button button--small"
            data-testid="roster-template"
            onClick={() => saveBlob(rosterTemplateBlob(), t('roster.import.templateFileName'))}
          >
            {t('roster.import.template')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      <p className="muted">{t('roster.import.intro')}</p>
      <div className="form-row">
        <FormField label={t('roster.import.file')} hint={t('roster.import.fileHint')}>
          {(a11y) => (
            <FilePicker
              {...a11y}
              ref={inputRef}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              fileName={file?.name ?? null}
              testId="import-file"
              onFile={(f) => {
                setFile(f);
                check(f, unitId);
              }}
            />
          )}
        </FormField>
        <FormField label={t('roster.import.defaultUnit')} hint={t('roster.import.defaultUnitHint')}>
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={tree}
              value={unitId}
              selectable="branch"
              emptyLabel={t('roster.import.noDefaultUnit')}
              testId="import-default-unit"
              onChange={(u) => {
                setUnitId(u);
                check(file, u);
              }}
            />
          )}
        </FormField>
      </div>

      {run.isPending && (
        <p role="status" className="muted">
          {t(done || preview ? 'roster.import.importing' : 'roster.import.checking')}
        </p>
      )}
      {failed && <ImportReportView report={failed} />}
      {run.error && !failed && <ErrorAlert error={run.error} />}

      {done && (
        <div
          className="alert alert--success"
          role="status"
          data-testid="import-success"
          data-count={done.imported}
        >
          {t('roster.import.success', { count: formatNumber(done.imported), file: done.fileName })}
        </div>
      )}
      {preview && !done && (
        <div className="stack" data-testid="import-preview">
          <div className="alert alert--info">
            {t('roster.import.ready', {
              rows: formatNumber(preview.rows),
              count: formatNumber(importable),
              file: preview.fileName,
            })}
          </div>
          <ImportReportView report={preview} />
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="import-confirm"
              disabled={run.isPending || !file || importable === 0}
              onClick={() =>
                file &&
                run.mutate(
                  { file, dryRun: false, unitId: unitId || undefined },
                  {
                    onSuccess: (report) => {
                      setDone(report);
                      setFile(null);
                      if (inputRef.current) inputRef.current.value = '';
                    },
                  },
                )
              }
            >
              {t('roster.import.confirm', { count: formatNumber(importable) })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
