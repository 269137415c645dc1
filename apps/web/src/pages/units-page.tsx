import type { Unit } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import { useDeleteUnit, useUnitTree } from '../api/units';
import { usePrincipal } from '../auth/auth-store';
import { ConfirmDialog } from '../components/confirm-dialog';
import { MoveUnitDialog } from '../components/move-unit-dialog';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { UnitFormDialog } from '../components/unit-form-dialog';
import { UnitTree } from '../components/unit-tree';

type Dialog = { kind: 'add'; parent: Unit } | { kind: 'edit' | 'move' | 'delete'; unit: Unit } | null;

export function UnitsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const units = useUnitTree();
  const remove = useDeleteUnit();
  const [dialog, setDialog] = useState<Dialog>(null);
  const conflict = isApiError(remove.error, 'CONFLICT') ? remove.error : null;
  const close = () => {
    remove.reset();
    setDialog(null);
  };

  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} />
      <QueryState loading={units.isLoading} error={units.error} empty={units.tree.length === 0}>
        <UnitTree
          tree={units.tree}
          rootId={principal?.unitId}
          onAddChild={(parent) => setDialog({ kind: 'add', parent })}
          onEdit={(unit) => setDialog({ kind: 'edit', unit })}
          onMove={(unit) => setDialog({ kind: 'move', unit })}
          onDelete={(unit) => setDialog({ kind: 'delete', unit })}
        />
      </QueryState>
      {dialog?.kind === 'add' && <UnitFormDialog parent={dialog.parent} onClose={close} />}
      {dialog?.kind === 'edit' && <UnitFormDialog unit={dialog.unit} onClose={close} />}
      {dialog?.kind === 'move' && <MoveUnitDialog unit={dialog.unit} tree={units.tree} onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('units.deleteTitle', { name: dialog.unit.name })}
          message={
            <div className="stack">
              <p>{t('units.deleteMessage')}</p>
              {conflict && (
                <div className="alert alert--warning" role="alert" data-testid="unit-delete-conflict">
                  <p>{t('units.deleteBlocked')}</p>
                  <p className="small">{conflict.message}</p>
                </div>
              )}
            </div>
          }
          confirmLabel={t('common.delete')}
          danger
          pending={remove.isPending}
          error={conflict ? null : remove.error}
          onConfirm={() => remove.mutate(dialog.unit.id, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
