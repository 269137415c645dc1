import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../api/http';
import { ErrorAlert } from '../components/error-alert';

type ExportKind = 'csv' | 'xlsx' | 'html';

/** CSV and Excel downloads of a report, and with `printable` its printable page. */
export function ExportButtons({
  pathFor,
  printable,
  kinds = ['csv', 'xlsx'],
}: {
  pathFor: (kind: ExportKind) => string;
  printable?: boolean;
  /** The downloads the report has (the year's evaluation has no CSV). */
  kinds?: readonly ('csv' | 'xlsx')[];
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.exports' });
  const [error, setError] = useState<unknown>(null);
  const get = (kind: 'csv' | 'xlsx') => {
    setError(null);
    download(pathFor(kind), t(`${kind}File`)).catch(setError);
  };
  return (
    <section className="stack stack--tight" aria-label={t('title')}>
      <div className="attendance-toolbar">
        <strong>{t('title')}</strong>
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button--small"
            onClick={() => get(kind)}
            data-testid={`attendance-export-${kind}`}
          >
            {t(kind)}
          </button>
        ))}
        {printable && (
          <button
            type="button"
            className="button button--small"
            data-testid="attendance-export-print"
            onClick={() => {
              // The printable report needs the bearer token, so it is fetched and opened as a page of its own.
              const tab = window.open('', '_blank');
              void import('./print-report')
                .then(({ openPrintable }) => openPrintable(pathFor('html'), tab))
                .catch((e) => {
                  tab?.close();
                  setError(e);
                });
            }}
          >
            {t('print')}
          </button>
        )}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
