import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

interface QueryStateProps {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: ReactNode;
  children: ReactNode;
}

/** Loading, failed, empty or the content: the four states every list page has. */
export function QueryState({ loading, error, empty, emptyText, children }: QueryStateProps) {
  const { t } = useTranslation();
  if (error) return <ErrorAlert error={error} />;
  if (loading)
    return (
      <p className="muted" role="status" aria-live="polite">
        {t('common.loading')}
      </p>
    );
  if (empty) return <p className="empty-state">{emptyText ?? t('common.empty')}</p>;
  return <>{children}</>;
}
