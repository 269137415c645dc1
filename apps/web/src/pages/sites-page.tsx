import type { Site } from '@hallbridge/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteSite, useNewPairingCode, useSites } from '../api/sites';
import { useUnits, useUnitTree } from '../api/units';
import { usePrincipal } from '../auth/auth-store';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PairingCodeDialog } from '../components/pairing-code-dialog';
import { QueryState } from '../components/query-state';
import { SiteFormDialog } from '../components/site-form-dialog';
import { formatDateTime } from '../i18n/format';
import { branchOrEmpty } from '../lib/unit-tree';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'delete' | 'code'; site: Site } | null;

/** District rooms (điểm cầu) and the codes their screens pair with. */
export function SitesPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const sites = useSites();
  const units = useUnitTree();
  const unitList = useUnits();
  const unitName = useMemo(() => new Map((unitList.data ?? []).map((u) => [u.id, u.name])), [unitList.data]);
  const newCode = useNewPairingCode();
  const remove = useDeleteSite();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => {
    remove.reset();
    setDialog(null);
  };
  const list = sites.data ?? [];

  return (
    <>
      <PageHeader
        title={t('sites.title')}
        subtitle={t('sites.subtitle')}
        actions={
          <button
            type="button"
            className="button button--primary"
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="site-add"
          >
            {t('sites.add')}
          </button>
        }
      />
      <ErrorAlert error={newCode.error} />
      <QueryState
        loading={sites.isLoading}
        error={sites.error}
        empty={list.length === 0}
        emptyText={t('sites.empty')}
      >
        <div className="table-wrap">
          <table className="table table--responsive" data-testid="sites-table">
            <thead>
              <tr>
                <th scope="col">{t('sites.fields.name')}</th>
                <th scope="col">{t('sites.fields.unit')}</th>
                <th scope="col">{t('sites.fields.location')}</th>
                <th scope="col">{t('sites.fields.status')}</th>
                <th scope="col">{t('sites.fields.pairingCode')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} data-testid="site-row">
                  <th scope="row" data-label={t('sites.fields.name')}>
                    {s.name}
                  </th>
                  <td data-label={t('sites.fields.unit')}>{unitName.get(s.unitId) ?? ''}</td>
                  <td data-label={t('sites.fields.location')}>{s.location ?? ''}</td>
                  <td data-label={t('sites.fields.status')}>
                    <span className={`chip ${s.paired ? 'chip--ok' : 'chip--muted'}`}>
                      {t(s.paired ? 'sites.paired' : 'sites.notPaired')}
                    </span>
                    {s.lastSeenAt && (
                      <span className="muted small block">
                        {t('sites.lastSeen', { at: formatDateTime(s.lastSeenAt) })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('sites.fields.pairingCode')}>
                    {s.pairingCode ? (
                      <button
                        type="button"
                        className="link-button mono"
                        onClick={() => setDialog({ kind: 'code', site: s })}
                      >
                        {s.pairingCode}
                      </button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={newCode.isPending}
                      onClick={() =>
                        newCode.mutate(s.id, { onSuccess: (site) => setDialog({ kind: 'code', site }) })
                      }
                    >
                      {t('sites.newCode')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      onClick={() => setDialog({ kind: 'edit', site: s })}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost button--danger-text"
                      onClick={() => setDialog({ kind: 'delete', site: s })}
                    >
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <SiteFormDialog
          site={dialog.kind === 'edit' ? dialog.site : undefined}
          tree={units.tree}
          defaultUnitId={branchOrEmpty(units.tree, principal?.unitId)}
          onClose={close}
          onCreated={(site) => setDialog({ kind: 'code', site })}
        />
      )}
      {dialog?.kind === 'code' && <PairingCodeDialog site={dialog.site} onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('sites.deleteTitle', { name: dialog.site.name })}
          message={t('sites.deleteMessage')}
          confirmLabel={t('common.delete')}
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(dialog.site.id, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
