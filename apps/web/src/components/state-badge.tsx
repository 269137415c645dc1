import type { SessionState } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';

export function StateBadge({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${state}`} data-testid="session-state" data-state={state}>
      {t(`sessionState.${state}`)}
    </span>
  );
}
