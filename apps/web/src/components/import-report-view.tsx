import type { ImportReport } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';

/** The problems of a roster file, located by row and column, and its likely duplicates. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {report.errors.length > 0 && (
        <section className="stack" aria-labelledby="import-errors-title">
          <div className="alert alert--error" role="alert" data-testid="import-failed">
            <h3 id="import-errors-title">
              {t('roster.import.errorsTitle', {
                count: formatNumber(report.errors.length),
                file: report.fileName,
              })}
            </h3>
            <p>{t('roster.import.nothingImported')}</p>
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="import-errors">
              <caption className="visually-hidden">{t('roster.import.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.import.row')}</th>
                  <th scope="col">{t('roster.import.column')}</th>
                  <th scope="col">{t('roster.import.message')}</th>
                  <th scope="col">{t('roster.import.value')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`} data-testid="import-error-row" data-row={e.row}>
                    <td className="num">{formatNumber(e.row)}</td>
                    <td>{e.column ?? '—'}</td>
                    <td>{e.message}</td>
                    <td className="mono">{e.value ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {report.duplicates.length > 0 && (
        <section className="stack" aria-labelledby="import-duplicates-title">
          <div className="alert alert--warning">
            <h3 id="import-duplicates-title">
              {t('roster.import.duplicatesTitle', { count: formatNumber(report.duplicates.length) })}
            </h3>
            <p>{t('roster.import.duplicatesExplain')}</p>
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="import-duplicates">
              <thead>
                <tr>
                  <th scope="col">{t('roster.import.row')}</th>
                  <th scope="col">{t('roster.fields.fullName')}</th>
                  <th scope="col">{t('roster.import.reason')}</th>
                  <th scope="col">{t('roster.import.matches')}</th>
                </tr>
              </thead>
              <tbody>
                {report.duplicates.map((d) => (
                  <tr key={`${d.row}-${d.reason}`} data-testid="import-duplicate-row">
                    <td className="num">{formatNumber(d.row)}</td>
                    <td>{d.fullName}</td>
                    <td>{t(`roster.import.reasons.${d.reason}`)}</td>
                    <td>
                      {d.matchesMemberId
                        ? t('roster.import.matchesMember')
                        : t('roster.import.matchesRow', { row: formatNumber(d.matchesRow ?? 0) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
