import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { download } from '../api/http';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { formatDateTime, formatNumber } from '../i18n/format';
import { ProgrammeStateChip } from './programme-state';
import { useSessionProgrammes } from './programmes-api';
import './programmes.css';

const pct = (share: number | null) =>
  share === null ? '—' : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });

/** Every branch's programme of a session with its progress, for organisers (a secretary sees theirs). */
export function ProgrammesOverviewPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes' });
  const { t: tr } = useTranslation();
  const { id = '' } = useParams();
  const query = useSessionProgrammes(id);
  const [exportError, setExportError] = useState<unknown>(null);
  const data = query.data;
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {data && (
        <div className="stack stack--loose" data-testid="programmes-overview">
          <p>
            <Link to={`/sessions/${id}`} className="back-link">
              <span aria-hidden="true">← </span>
              {t('edit.back')}
            </Link>
          </p>
          <PageHeader
            title={t('overview.title', { title: data.title })}
            subtitle={t('overview.adopted', {
              adopted: data.adopted,
              branches: data.branches.length,
              done: data.total.done,
              total: data.total.total - data.total.cancelled,
            })}
            actions={
              <button
                type="button"
                className="button button--small"
                data-testid="programmes-export"
                onClick={() => {
                  setExportError(null);
                  download(`/sessions/${id}/programmes/export.xlsx`, `${t('export.fileName')}.xlsx`).catch(
                    setExportError,
                  );
                }}
              >
                {t('overview.export')}
              </button>
            }
          />
          <ErrorAlert error={exportError} />
          <div className="table-wrap">
            <table className="table" data-testid="programmes-table">
              <thead>
                <tr>
                  <th scope="col">{t('export.columns.unit')}</th>
                  <th scope="col">{t('export.columns.state')}</th>
                  <th scope="col" className="num">
                    {t('export.columns.total')}
                  </th>
                  <th scope="col" className="num">
                    {t('export.columns.done')}
                  </th>
                  <th scope="col" className="num">
                    {t('export.columns.overdue')}
                  </th>
                  <th scope="col" className="num">
                    {t('export.columns.doneShare')}
                  </th>
                  <th scope="col" className="num">
                    {t('comments.title')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{tr('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.branches.map((b) => (
                  <tr key={b.unitId} data-testid="programmes-row" data-unit={b.unitName}>
                    <th scope="row">{b.unitName}</th>
                    <td>
                      <ProgrammeStateChip state={b.state} />
                      {b.state === 'open' && b.commentsCloseAt && (
                        <div className="muted small">
                          {t('edit.commentsUntil', { time: formatDateTime(b.commentsCloseAt) })}
                        </div>
                      )}
                    </td>
                    <td className="num">{b.progress.total}</td>
                    <td className="num">{b.progress.done}</td>
                    <td className="num">{b.progress.overdue}</td>
                    <td className="num">{pct(b.progress.doneShare)}</td>
                    <td className="num">{b.comments}</td>
                    <td className="table__actions">
                      <Link
                        to={`/sessions/${id}/programmes/${b.unitId}`}
                        className="button button--small"
                        data-testid="programmes-open"
                        aria-label={`${t('overview.open')}: ${b.unitName}`}
                      >
                        {t('overview.open')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </QueryState>
  );
}
