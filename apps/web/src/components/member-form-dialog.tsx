import type { Member, MemberStatus } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateMember, useUpdateMember } from '../api/members';
import { fieldErrorsOf } from '../lib/field-issues';
import type { UnitNode } from '../lib/unit-tree';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { Modal } from './modal';
import { UnitSelect } from './unit-select';
import { DialogActions } from './dialog-actions';

export const memberStatuses: MemberStatus[] = ['active', 'exempt', 'inactive'];
const fields = ['fullName', 'unitId', 'position', 'phone', 'email', 'status'];

interface Props {
  member?: Member;
  tree: UnitNode[];
  defaultUnitId?: string;
  onClose: () => void;
}

/** Adds a member by hand or edits one; changing the branch moves them. */
export function MemberFormDialog({ member, tree, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateMember();
  const update = useUpdateMember();
  const mutation = member ? update : create;
  const [fullName, setFullName] = useState(member?.fullName ?? '');
  const [unitId, setUnitId] = useState(member?.unitId ?? defaultUnitId ?? '');
  const [position, setPosition] = useState(member?.position ?? '');
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [status, setStatus] = useState<MemberStatus>(member?.status ?? 'active');
  const errors = fieldErrorsOf(t, mutation.error);

  const submit = () => {
    // Empty phone and e-mail mean "none"; the contract validates any text given.
    const body = {
      fullName,
      unitId,
      position,
      phone: phone.trim() || null,
      email: email.trim() || null,
      status,
    };
    if (member) update.mutate({ id: member.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      title={member ? t('roster.editTitle', { name: member.fullName }) : t('roster.addTitle')}
      onClose={onClose}
      testId="member-form"
    >
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormField label={t('roster.fields.fullName')} required error={errors.fullName}>
          {(a11y) => (
            <input
              {...a11y}
              autoComplete="off"
              maxLength={120}
              value={fullName}
              onChange={(e) => setFullName(e.target.value)}
              data-testid="member-fullName"
            />
          )}
        </FormField>
        <FormField
          label={t('roster.fields.unit')}
          required
          error={errors.unitId}
          hint={t('roster.hints.unit')}
        >
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={tree}
              value={unitId}
              onChange={setUnitId}
              selectable="branch"
              testId="member-unit"
            />
          )}
        </FormField>
        <FormField label={t('roster.fields.position')} error={errors.position}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={120}
              value={position}
              onChange={(e) => setPosition(e.target.value)}
              data-testid="member-position"
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField label={t('roster.fields.phone')} error={errors.phone}>
            {(a11y) => (
              <input
                {...a11y}
                type="tel"
                inputMode="tel"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                data-testid="member-phone"
              />
            )}
          </FormField>
          <FormField label={t('roster.fields.email')} error={errors.email}>
            {(a11y) => (
              <input
                {...a11y}
                type="email"
                inputMode="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                data-testid="member-email"
              />
            )}
          </FormField>
        </div>
        <FormField label={t('roster.fields.status')} error={errors.status} hint={t('roster.hints.status')}>
          {(a11y) => (
            <select
              {...a11y}
              value={status}
              onChange={(e) => setStatus(e.target.value as MemberStatus)}
              data-testid="member-status"
            >
              {memberStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`memberStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <ErrorAlert error={mutation.error} fields={fields} />
        <DialogActions
          onCancel={onClose}
          disabled={mutation.isPending || !unitId}
          submitTestId="member-submit"
        />
      </form>
    </Modal>
  );
}
