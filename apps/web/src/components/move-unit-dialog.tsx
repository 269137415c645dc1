import type { Unit } from '@hallbridge/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateUnit } from '../api/units';
import { findNode, subtreeIds, type UnitNode } from '../lib/unit-tree';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { Modal } from './modal';
import { UnitSelect } from './unit-select';

/** Moves a unit (with everything below it) under another committee. */
export function MoveUnitDialog({
  unit,
  tree,
  onClose,
}: {
  unit: Unit;
  tree: UnitNode[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  const [parentId, setParentId] = useState(unit.parentId ?? '');
  const exclude = useMemo(() => {
    const node = findNode(tree, unit.id);
    return new Set(node ? subtreeIds(node) : [unit.id]);
  }, [tree, unit.id]);
  return (
    <Modal title={t('units.moveTitle', { name: unit.name })} onClose={onClose} testId="move-unit">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: unit.id, body: { parentId } }, { onSuccess: onClose });
        }}
      >
        <FormField label={t('units.newParent')} hint={t('units.moveHint')}>
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={tree}
              value={parentId}
              onChange={setParentId}
              selectable="committee"
              exclude={exclude}
            />
          )}
        </FormField>
        <ErrorAlert error={update.error} />
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={update.isPending || !parentId || parentId === unit.parentId}
          >
            {t('units.move')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
