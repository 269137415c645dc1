import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useJoin } from '../api/auth';
import { useErrorText } from '../api/errors';
import { ApiRequestError } from '../api/http';
import { authStore } from '../auth/auth-store';
import { BrandMark } from '../components/brand-mark';
import { LanguageSwitch } from '../components/language-switch';
import '../layouts/member-layout.css';

/**
 * Where a link may send the member after signing in (`?to=`): a reflection reminder's link opens the
 * reflection. Anything else opens the session page.
 */
const destinations: Record<string, string> = {
  reflection: '/reflection',
  programme: '/programme',
  feedback: '/feedback',
};

/** /j/:token — a member's personal link: exchanged for a member session, then on to the session page. */
export function JoinPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const to = useSearchParams()[0].get('to') ?? '';
  const join = useJoin(token);

  useEffect(() => {
    if (!join.data) return;
    authStore.set(join.data);
    // Replace the link in the history so "back" does not try to use it again.
    navigate(
      `/me/sessions/${join.data.sessionId}${Object.hasOwn(destinations, to) ? destinations[to] : ''}`,
      {
        replace: true,
      },
    );
  }, [join.data, navigate, to]);

  const code = join.error instanceof ApiRequestError ? join.error.code : null;
  const linkProblem = code === 'TOKEN_EXPIRED' || code === 'TOKEN_INVALID' || code === 'VALIDATION_FAILED';

  return (
    <div className="member-shell">
      <header className="member-bar">
        <span className="member-bar__brand">
          <BrandMark size={28} />
          <span>{t('common.appName')}</span>
        </span>
        <LanguageSwitch tone="dark" />
      </header>
      <main className="member-main" id="main">
        <div className="member-card stack" data-testid="join-page">
          {join.isPending && (
            <p role="status" className="join-status">
              {t('join.opening')}
            </p>
          )}
          {join.error && (
            <div role="alert" className="stack" data-testid="join-error" data-code={code ?? ''}>
              <h1>
                {code === 'TOKEN_EXPIRED'
                  ? t('join.expiredTitle')
                  : linkProblem
                    ? t('join.invalidTitle')
                    : t('join.failedTitle')}
              </h1>
              <p>
                {linkProblem
                  ? t(code === 'TOKEN_EXPIRED' ? 'join.expiredText' : 'join.invalidText')
                  : errorText(join.error)}
              </p>
              {linkProblem && <p className="join-advice">{t('join.advice')}</p>}
              {!linkProblem && (
                <button
                  type="button"
                  className="button button--primary button--block button--large"
                  onClick={() => join.refetch()}
                >
                  {t('common.retry')}
                </button>
              )}
            </div>
          )}
        </div>
      </main>
    </div>
  );
}
