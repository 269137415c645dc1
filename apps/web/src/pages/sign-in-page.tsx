import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useSetupStatus } from '../api/auth';
import { usePrincipal } from '../auth/auth-store';
import { homeOf } from '../auth/roles';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { AuthLayout } from '../layouts/auth-layout';

export function SignInPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const setup = useSetupStatus();
  const login = useLogin();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (principal && !login.isPending) return <Navigate to={from ?? homeOf(principal)} replace />;

  return (
    <AuthLayout title={t('auth.signInTitle')} intro={t('auth.signInIntro')}>
      <form
        className="stack"
        aria-label={t('auth.signInTitle')}
        data-testid="sign-in-form"
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate(
            { username: username.trim(), password },
            { onSuccess: (r) => navigate(from ?? homeOf(r.principal), { replace: true }) },
          );
        }}
      >
        <FormField label={t('auth.username')} required>
          {(a11y) => (
            <input
              {...a11y}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="sign-in-username"
            />
          )}
        </FormField>
        <FormField label={t('auth.password')} required>
          {(a11y) => (
            <input
              {...a11y}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="sign-in-password"
            />
          )}
        </FormField>
        <ErrorAlert error={login.error} />
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={login.isPending}
          data-testid="sign-in-submit"
        >
          {login.isPending ? t('auth.signingIn') : t('auth.signIn')}
        </button>
        <p className="muted small">{t('auth.memberHint')}</p>
      </form>
    </AuthLayout>
  );
}
