import type { Member, MemberStatus } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteMember, useMembers } from '../api/members';
import { useUnitTree } from '../api/units';
import { usePrincipal } from '../auth/auth-store';
import { ConfirmDialog } from '../components/confirm-dialog';
import { FormField } from '../components/form-field';
import { MemberFormDialog, memberStatuses } from '../components/member-form-dialog';
import { MoveMemberDialog } from '../components/move-member-dialog';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { RosterImportPanel } from '../components/roster-import-panel';
import { RosterTable } from '../components/roster-table';
import { UnitSelect } from '../components/unit-select';
import { formatNumber } from '../i18n/format';
import { branchOrEmpty } from '../lib/unit-tree';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { PersonalLinkDialog } from '../notifications/personal-link-dialog';
import { QrSheetButton } from '../notifications/qr-sheet-button';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'move' | 'delete' | 'link'; member: Member } | null;

export function RosterPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const units = useUnitTree();
  const [unitId, setUnitId] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const query = useDebouncedValue(q.trim());
  const members = useMembers({
    unitId: unitId || undefined,
    q: query || undefined,
    status: status || undefined,
  });
  const remove = useDeleteMember();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importing, setImporting] = useState(false);
  const close = () => {
    remove.reset();
    setDialog(null);
  };
  // A new member goes to the filtered branch, or to the secretary's own branch.
  const defaultUnitId = branchOrEmpty(units.tree, unitId) || branchOrEmpty(units.tree, principal?.unitId);
  const list = members.data ?? [];

  return (
    <>
      <PageHeader
        title={t('roster.title')}
        subtitle={t('roster.subtitle')}
        actions={
          <>
            <QrSheetButton unitId={unitId || principal?.unitId || ''} />
            <button
              type="button"
              className="button"
              onClick={() => setImporting(true)}
              data-testid="roster-import-open"
              disabled={importing}
            >
              {t('roster.import.open')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setDialog({ kind: 'add' })}
              data-testid="roster-add"
            >
              {t('roster.add')}
            </button>
          </>
        }
      />
      {importing && <RosterImportPanel tree={units.tree} onClose={() => setImporting(false)} />}
      <div className="toolbar" role="search" aria-label={t('roster.filters')}>
        <FormField label={t('roster.filterUnit')}>
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={units.tree}
              value={unitId}
              onChange={setUnitId}
              emptyLabel={t('roster.allUnits')}
              testId="roster-filter-unit"
            />
          )}
        </FormField>
        <FormField label={t('roster.search')} className="toolbar__grow">
          {(a11y) => (
            <input
              {...a11y}
              type="search"
              value={q}
              placeholder={t('roster.searchPlaceholder')}
              onChange={(e) => setQ(e.target.value)}
              data-testid="roster-search"
            />
          )}
        </FormField>
        <FormField label={t('roster.fields.status')}>
          {(a11y) => (
            <select
              {...a11y}
              value={status}
              onChange={(e) => setStatus(e.target.value as MemberStatus | '')}
              data-testid="roster-filter-status"
            >
              <option value="">{t('roster.allStatuses')}</option>
              {memberStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`memberStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <p className="muted small" aria-live="polite" data-testid="roster-count">
        {members.data ? t('roster.count', { count: formatNumber(list.length) }) : ''}
      </p>
      <QueryState
        loading={members.isLoading}
        error={members.error}
        empty={list.length === 0}
        emptyText={t('roster.empty')}
      >
        <RosterTable
          members={list}
          onEdit={(member) => setDialog({ kind: 'edit', member })}
          onMove={(member) => setDialog({ kind: 'move', member })}
          onDelete={(member) => setDialog({ kind: 'delete', member })}
          onLink={(member) => setDialog({ kind: 'link', member })}
        />
      </QueryState>
      {dialog?.kind === 'add' && (
        <MemberFormDialog tree={units.tree} defaultUnitId={defaultUnitId} onClose={close} />
      )}
      {dialog?.kind === 'edit' && (
        <MemberFormDialog member={dialog.member} tree={units.tree} onClose={close} />
      )}
      {dialog?.kind === 'move' && (
        <MoveMemberDialog member={dialog.member} tree={units.tree} onClose={close} />
      )}
      {dialog?.kind === 'link' && <PersonalLinkDialog member={dialog.member} onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('roster.deleteTitle', { name: dialog.member.fullName })}
          message={t('roster.deleteMessage', { name: dialog.member.fullName, unit: dialog.member.unitName })}
          confirmLabel={t('common.delete')}
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(dialog.member.id, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
