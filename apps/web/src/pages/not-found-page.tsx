import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePrincipal } from '../auth/auth-store';
import { homeOf } from '../auth/roles';

export function NotFoundPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  return (
    <main className="not-found stack" id="main">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={homeOf(principal)} className="button button--primary">
          {t('notFound.home')}
        </Link>
      </p>
    </main>
  );
}
