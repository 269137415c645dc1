import { AuditEntityType } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAudit } from '../api/audit';
import { AuditEntryRow } from '../components/audit-entry-row';
import { FormField } from '../components/form-field';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { useDebouncedValue } from '../lib/use-debounced-value';

const limits = [50, 100, 200, 500];

/** Every change made by a person, newest first, within the organiser's scope. */
export function AuditPage() {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [limit, setLimit] = useState(100);
  const id = useDebouncedValue(entityId.trim());
  // The session page links here with ?sessionId= to show that session's history.
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('sessionId') ?? undefined;
  const audit = useAudit({
    entityType: entityType || undefined,
    entityId: id || undefined,
    sessionId,
    limit,
  });
  const list = audit.data ?? [];
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <div className="toolbar" role="search" aria-label={t('audit.filters')}>
        <FormField label={t('audit.entityType')}>
          {(a11y) => (
            <select
              {...a11y}
              value={entityType}
              onChange={(e) => setEntityType(e.target.value)}
              data-testid="audit-filter-type"
            >
              <option value="">{t('audit.allTypes')}</option>
              {AuditEntityType.options.map((type) => (
                <option key={type} value={type}>
                  {t(`audit.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('audit.entityId')} className="toolbar__grow">
          {(a11y) => (
            <input
              {...a11y}
              value={entityId}
              onChange={(e) => setEntityId(e.target.value)}
              spellCheck={false}
              data-testid="audit-filter-id"
            />
          )}
        </FormField>
        <FormField label={t('audit.limit')}>
          {(a11y) => (
            <select {...a11y} value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
              {limits.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {sessionId && (
        <p className="filter-chip" data-testid="audit-session-filter">
          {t('audit.sessionFilter')}
          <button type="button" className="link-button" onClick={() => setParams({})}>
            {t('audit.clearFilter')}
          </button>
        </p>
      )}
      <QueryState
        loading={audit.isLoading}
        error={audit.error}
        empty={list.length === 0}
        emptyText={t('audit.empty')}
      >
        <div className="table-wrap">
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.reason')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('audit.changes')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((entry) => (
                <AuditEntryRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
    </>
  );
}
