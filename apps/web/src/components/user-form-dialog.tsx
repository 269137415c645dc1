import type { StaffRole, User } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useUpdateUser } from '../api/users';
import { usePrincipal } from '../auth/auth-store';
import { fieldErrorsOf } from '../lib/field-issues';
import type { UnitNode } from '../lib/unit-tree';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { Modal } from './modal';
import { UnitSelect } from './unit-select';
import { DialogActions } from './dialog-actions';

export const staffRoleList: StaffRole[] = ['organiser', 'secretary', 'presenter'];
const fields = ['username', 'password', 'displayName', 'role', 'unitId', 'active'];

interface Props {
  user?: User;
  tree: UnitNode[];
  defaultUnitId?: string;
  onClose: () => void;
}

/** Creates a staff account, or edits one (name, role, unit, active, new password). */
export function UserFormDialog({ user, tree, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [username, setUsername] = useState(user?.username ?? '');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<StaffRole>(user?.role ?? 'secretary');
  const [unitId, setUnitId] = useState(user?.unitId ?? defaultUnitId ?? '');
  const [active, setActive] = useState(user?.active ?? true);
  const [tooShort, setTooShort] = useState(false);
  // The server refuses to let anyone lock themselves out or change their own role.
  const principal = usePrincipal();
  const self = !!user && user.id === principal?.userId;
  const errors = fieldErrorsOf(t, mutation.error);
  if (tooShort) errors.password = t('fieldIssues.passwordTooShort');

  const submit = () => {
    const short = (!user || password !== '') && password.length < 10;
    setTooShort(short);
    if (short) return;
    if (user)
      update.mutate(
        { id: user.id, body: { displayName, role, unitId, active, ...(password ? { password } : {}) } },
        { onSuccess: onClose },
      );
    else
      create.mutate({ username, password, displayName, role, unitId, locale: 'vi' }, { onSuccess: onClose });
  };

  return (
    <Modal
      title={user ? t('accounts.editTitle', { name: user.displayName }) : t('accounts.createTitle')}
      onClose={onClose}
      testId="user-form"
    >
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormField label={t('accounts.fields.displayName')} required error={errors.displayName}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={120}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              data-testid="user-displayName"
            />
          )}
        </FormField>
        <FormField
          label={t('accounts.fields.username')}
          required={!user}
          hint={user ? undefined : t('accounts.hints.username')}
          error={errors.username}
        >
          {(a11y) => (
            <input
              {...a11y}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              disabled={!!user}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="user-username"
            />
          )}
        </FormField>
        <FormField
          label={user ? t('accounts.fields.newPassword') : t('accounts.fields.password')}
          required={!user}
          hint={user ? t('accounts.hints.newPassword') : t('accounts.hints.password')}
          error={errors.password}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="user-password"
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField label={t('accounts.fields.role')} error={errors.role}>
            {(a11y) => (
              <select
                {...a11y}
                value={role}
                disabled={self}
                onChange={(e) => setRole(e.target.value as StaffRole)}
                data-testid="user-role"
              >
                {staffRoleList.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('accounts.fields.unit')} error={errors.unitId}>
            {(a11y) => (
              <UnitSelect {...a11y} tree={tree} value={unitId} onChange={setUnitId} testId="user-unit" />
            )}
          </FormField>
        </div>
        <p className="muted small">{t(`accounts.roleHelp.${role}`)}</p>
        {self && <p className="muted small">{t('accounts.selfHint')}</p>}
        {self && <p className="muted small">{t('accounts.selfHint')}</p>}
        {user && (
          <label className="check">
            <input
              type="checkbox"
              checked={active}
              disabled={self}
              onChange={(e) => setActive(e.target.checked)}
              data-testid="user-active"
            />
            {t('accounts.fields.active')}
          </label>
        )}
        <ErrorAlert error={mutation.error} fields={fields} />
        <DialogActions
          onCancel={onClose}
          disabled={mutation.isPending || !unitId}
          submitTestId="user-submit"
        />
      </form>
    </Modal>
  );
}
