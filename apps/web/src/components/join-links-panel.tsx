import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/errors';
import { download } from '../api/http';
import { toSearch } from '../api/query-string';
import { useJoinLinks } from '../api/sessions';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { UnitNode } from '../lib/unit-tree';
import { CopyButton } from './copy-button';
import { FormField } from './form-field';
import { QueryState } from './query-state';
import { UnitSelect } from './unit-select';

/** Each invited member's personal link, to copy one by one, copy all, or export for the secretaries. */
export function JoinLinksPanel({ sessionId, tree }: { sessionId: string; tree: UnitNode[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [unitId, setUnitId] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);
  const links = useJoinLinks(sessionId, unitId || undefined);
  const list = links.data ?? [];
  // Tab-separated, so a paste into a spreadsheet fills columns.
  const allText = () => list.map((l) => [l.fullName, l.unitName, l.phone ?? '', l.url].join('\t')).join('\n');

  return (
    <section className="panel stack" aria-labelledby="join-links-title" data-testid="join-links">
      <div className="panel__header">
        <h2 id="join-links-title">{t('joinLinks.title')}</h2>
        <div className="panel__actions">
          <CopyButton
            text={allText}
            label={t('joinLinks.copyAll')}
            className="button button--small"
            testId="join-links-copy-all"
          />
          <button
            type="button"
            className="button button--small"
            data-testid="join-links-export"
            onClick={() => {
              setExportError(null);
              download(
                `/sessions/${sessionId}/join-links.csv${toSearch({ unitId: unitId || undefined })}`,
                `${t('joinLinks.fileName')}-${sessionId}.csv`,
              ).catch(setExportError);
            }}
          >
            {t('joinLinks.export')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('joinLinks.intro')}</p>
      <div className="toolbar">
        <FormField label={t('joinLinks.filterUnit')}>
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={tree}
              value={unitId}
              onChange={setUnitId}
              emptyLabel={t('joinLinks.allUnits')}
              testId="join-links-unit"
            />
          )}
        </FormField>
        <p className="muted small" aria-live="polite" data-testid="join-links-count">
          {links.data ? t('joinLinks.count', { count: formatNumber(list.length) }) : ''}
        </p>
      </div>
      {exportError ? (
        <p className="alert alert--error" role="alert">
          {errorText(exportError)}
        </p>
      ) : null}
      <QueryState
        loading={links.isLoading}
        error={links.error}
        empty={list.length === 0}
        emptyText={t('joinLinks.empty')}
      >
        <div className="table-wrap">
          <table className="table table--responsive" data-testid="join-links-table">
            <thead>
              <tr>
                <th scope="col">{t('joinLinks.fullName')}</th>
                <th scope="col">{t('joinLinks.unit')}</th>
                <th scope="col">{t('joinLinks.phone')}</th>
                <th scope="col">{t('joinLinks.link')}</th>
                <th scope="col">{t('joinLinks.expiresAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((l) => (
                <tr key={l.memberId} data-testid="join-link-row" data-member-id={l.memberId}>
                  <th scope="row" data-label={t('joinLinks.fullName')}>
                    {l.fullName}
                  </th>
                  <td data-label={t('joinLinks.unit')}>{l.unitName}</td>
                  <td data-label={t('joinLinks.phone')} className="mono">
                    {l.phone ?? ''}
                  </td>
                  <td data-label={t('joinLinks.link')}>
                    <div className="link-cell">
                      <a
                        href={l.url}
                        className="link-cell__url mono"
                        data-testid="join-link-url"
                        target="_blank"
                        rel="noreferrer"
                      >
                        {l.url}
                      </a>
                      <CopyButton
                        text={l.url}
                        label={t('joinLinks.copy')}
                        ariaLabel={t('joinLinks.copyAria', { name: l.fullName })}
                        testId="join-link-copy"
                      />
                    </div>
                  </td>
                  <td data-label={t('joinLinks.expiresAt')}>{formatDateTime(l.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
    </section>
  );
}
