import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useErrorText } from '../api/errors';
import { ApiRequestError } from '../api/http';
import { authStore } from '../auth/auth-store';
import { FormField } from '../components/form-field';
import { MemberShell } from '../layouts/member-layout';
import { usePersonalSignIn } from './notifications-api';
import './notifications.css';

/**
 * /p/:code — a member's long-lived personal link (from a message or a printed QR slip), and /p to
 * type the code from the slip: exchanged for a member sign-in, then on to the personal page.
 */
export function PersonalLinkPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'notifications.personal' });
  const errorText = useErrorText();
  const { code: fromUrl = '' } = useParams();
  const [code, setCode] = useState(fromUrl);
  const [typed, setTyped] = useState('');
  const navigate = useNavigate();
  const signIn = usePersonalSignIn(code);

  useEffect(() => {
    if (!signIn.data) return;
    authStore.set(signIn.data);
    // Replace the link in the history so "back" does not try to use it again.
    navigate('/me', { replace: true });
  }, [signIn.data, navigate]);

  const invalid =
    signIn.error instanceof ApiRequestError && signIn.error.status < 500 && signIn.error.status > 0;
  return (
    <MemberShell>
      <div className="member-card stack" data-testid="personal-link-page">
        {signIn.isFetching && (
          <p role="status" className="join-status">
            {t('opening')}
          </p>
        )}
        {signIn.error && (
          <div role="alert" className="stack" data-testid="personal-link-error">
            <h1>{invalid ? t('invalidTitle') : errorText(signIn.error)}</h1>
            {invalid && <p>{t('invalidText')}</p>}
          </div>
        )}
        {(!code || signIn.error) && (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed.trim()) setCode(typed.trim());
            }}
          >
            <h2>{t('typeTitle')}</h2>
            <FormField label={t('typeLabel')}>
              {(a11y) => (
                <input
                  {...a11y}
                  className="code-input"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  inputMode="text"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  data-testid="personal-code"
                />
              )}
            </FormField>
            <button type="submit" className="button button--primary button--block button--large">
              {t('typeSubmit')}
            </button>
          </form>
        )}
      </div>
    </MemberShell>
  );
}
