import type { Member } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMember } from '../api/members';
import type { UnitNode } from '../lib/unit-tree';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { Modal } from './modal';
import { UnitSelect } from './unit-select';

export function MoveMemberDialog({
  member,
  tree,
  onClose,
}: {
  member: Member;
  tree: UnitNode[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMember();
  const [unitId, setUnitId] = useState(member.unitId);
  return (
    <Modal title={t('roster.moveTitle', { name: member.fullName })} onClose={onClose} testId="move-member">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: member.id, body: { unitId } }, { onSuccess: onClose });
        }}
      >
        <p className="muted">{t('roster.moveFrom', { unit: member.unitName })}</p>
        <FormField label={t('roster.moveTo')}>
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={tree}
              value={unitId}
              onChange={setUnitId}
              selectable="branch"
              testId="move-member-unit"
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
            disabled={update.isPending || unitId === member.unitId}
          >
            {t('roster.move')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
