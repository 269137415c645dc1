import type { Unit, UnitKind } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUnit, useUpdateUnit } from '../api/units';
import { fieldErrorsOf } from '../lib/field-issues';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { Modal } from './modal';
import { DialogActions } from './dialog-actions';

type Props = { onClose: () => void } & (
  { parent: Unit; unit?: undefined } | { unit: Unit; parent?: undefined }
);

const fields = ['name', 'code', 'kind', 'address', 'participationTarget'];

/** Creates a unit under a committee, or edits one (its kind is fixed once created). */
export function UnitFormDialog({ parent, unit, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;
  const [name, setName] = useState(unit?.name ?? '');
  const [code, setCode] = useState(unit?.code ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'branch');
  const [address, setAddress] = useState(unit?.address ?? '');
  const [target, setTarget] = useState(
    String(unit?.participationTarget ?? parent?.participationTarget ?? 95),
  );
  const errors = fieldErrorsOf(t, mutation.error);

  const submit = () => {
    const common = { name, code, address, participationTarget: target === '' ? undefined : Number(target) };
    if (unit) update.mutate({ id: unit.id, body: common }, { onSuccess: onClose });
    else if (parent) create.mutate({ ...common, parentId: parent.id, kind }, { onSuccess: onClose });
  };

  return (
    <Modal
      title={
        unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle', { parent: parent?.name })
      }
      onClose={onClose}
      testId="unit-form"
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormField label={t('units.fields.name')} required error={errors.name}>
          {(a11y) => (
            <input
              {...a11y}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="unit-name"
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField label={t('units.fields.code')} hint={t('units.hints.code')} required error={errors.code}>
            {(a11y) => (
              <input
                {...a11y}
                required
                pattern="[A-Za-z0-9._\-]{2,32}"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                data-testid="unit-code"
              />
            )}
          </FormField>
          <FormField label={t('units.fields.kind')} error={errors.kind}>
            {(a11y) => (
              <select
                {...a11y}
                value={kind}
                disabled={!!unit}
                onChange={(e) => setKind(e.target.value as UnitKind)}
                data-testid="unit-kind"
              >
                <option value="branch">{t('units.kind.branch')}</option>
                <option value="committee">{t('units.kind.committee')}</option>
              </select>
            )}
          </FormField>
        </div>
        <FormField label={t('units.fields.address')} error={errors.address}>
          {(a11y) => (
            <input {...a11y} maxLength={300} value={address} onChange={(e) => setAddress(e.target.value)} />
          )}
        </FormField>
        <FormField
          label={t('units.fields.participationTarget')}
          hint={t('units.hints.participationTarget')}
          error={errors.participationTarget}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              min={0}
              max={100}
              step={0.5}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              className="input--short"
            />
          )}
        </FormField>
        <ErrorAlert error={mutation.error} fields={fields} />
        <DialogActions onCancel={onClose} disabled={mutation.isPending} submitTestId="unit-submit" />
      </form>
    </Modal>
  );
}
