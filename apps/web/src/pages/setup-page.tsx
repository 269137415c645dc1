import type { SetupBody } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useRunSetup, useSetupStatus } from '../api/auth';
import { useNetworkInfo } from '../api/network';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { QueryState } from '../components/query-state';
import { AuthLayout } from '../layouts/auth-layout';
import { fieldErrorsOf } from '../lib/field-issues';
import { TrustCertificate } from '../network/trust-certificate';

const empty: SetupBody = {
  organisationName: '',
  organisationCode: '',
  username: '',
  password: '',
  displayName: '',
};
const fields = Object.keys(empty) as (keyof SetupBody)[];

/** First run: the install has no organisation yet; this creates its top unit and first organiser. */
export function SetupPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();
  const ca = useNetworkInfo().data?.ca;
  const run = useRunSetup();
  const navigate = useNavigate();
  const [form, setForm] = useState<SetupBody>(empty);
  const [tooShort, setTooShort] = useState(false);
  const errors = fieldErrorsOf(t, run.error);
  const set = (key: keyof SetupBody) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  if (status.data && !status.data.needed && !run.isSuccess) return <Navigate to="/sign-in" replace />;

  const types: Partial<Record<keyof SetupBody, string>> = { password: 'password' };
  const autoComplete: Partial<Record<keyof SetupBody, string>> = {
    username: 'username',
    password: 'new-password',
    displayName: 'name',
  };

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <QueryState loading={status.isLoading} error={status.error}>
        <form
          className="stack"
          data-testid="setup-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (form.password.length < 10) return setTooShort(true);
            setTooShort(false);
            run.mutate(form, { onSuccess: () => navigate('/sessions', { replace: true }) });
          }}
        >
          {fields.map((key) => (
            <FormField
              key={key}
              label={t(`setup.fields.${key}`)}
              hint={t(`setup.hints.${key}`)}
              required
              error={key === 'password' && tooShort ? t('fieldIssues.passwordTooShort') : errors[key]}
            >
              {(a11y) => (
                <input
                  {...a11y}
                  name={key}
                  type={types[key] ?? 'text'}
                  autoComplete={autoComplete[key] ?? 'off'}
                  required
                  value={form[key]}
                  onChange={set(key)}
                  data-testid={`setup-${key}`}
                />
              )}
            </FormField>
          ))}
          <ErrorAlert error={run.error} fields={fields} />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={run.isPending}
            data-testid="setup-submit"
          >
            {t('setup.submit')}
          </button>
        </form>
      </QueryState>
      {/* phones and room screens will need the local CA: the organiser meets it here first */}
      {ca && <TrustCertificate ca={ca} headingLevel={2} />}
    </AuthLayout>
  );
}
