import type { User } from '@hallbridge/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits, useUnitTree } from '../api/units';
import { useUsers } from '../api/users';
import { usePrincipal } from '../auth/auth-store';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { UserFormDialog } from '../components/user-form-dialog';
import { formatDateTime } from '../i18n/format';

export function AccountsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const users = useUsers();
  const units = useUnitTree();
  const unitList = useUnits();
  const unitName = useMemo(() => new Map((unitList.data ?? []).map((u) => [u.id, u.name])), [unitList.data]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const list = users.data ?? [];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        actions={
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing('new')}
            data-testid="account-add"
          >
            {t('accounts.add')}
          </button>
        }
      />
      <QueryState loading={users.isLoading} error={users.error} empty={list.length === 0}>
        <div className="table-wrap">
          <table className="table table--responsive" data-testid="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('accounts.fields.displayName')}</th>
                <th scope="col">{t('accounts.fields.username')}</th>
                <th scope="col">{t('accounts.fields.role')}</th>
                <th scope="col">{t('accounts.fields.unit')}</th>
                <th scope="col">{t('accounts.fields.status')}</th>
                <th scope="col">{t('accounts.fields.lastLogin')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id} data-testid="account-row">
                  <th scope="row" data-label={t('accounts.fields.displayName')}>
                    {u.displayName}
                  </th>
                  <td data-label={t('accounts.fields.username')} className="mono">
                    {u.username}
                  </td>
                  <td data-label={t('accounts.fields.role')}>{t(`roles.${u.role}`)}</td>
                  <td data-label={t('accounts.fields.unit')}>{unitName.get(u.unitId) ?? ''}</td>
                  <td data-label={t('accounts.fields.status')}>
                    <span className={`chip ${u.active ? 'chip--ok' : 'chip--muted'}`}>
                      {t(u.active ? 'accounts.active' : 'accounts.inactive')}
                    </span>
                  </td>
                  <td data-label={t('accounts.fields.lastLogin')}>
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('accounts.never')}
                  </td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      onClick={() => setEditing(u)}
                      aria-label={t('accounts.editAria', { name: u.displayName })}
                    >
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {editing && (
        <UserFormDialog
          user={editing === 'new' ? undefined : editing}
          tree={units.tree}
          defaultUnitId={principal?.unitId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
