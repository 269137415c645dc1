import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCheckInCode } from './attendance-api';
import { CheckInCodeCard } from './check-in-code-card';

/**
 * The room screen's check-in code beside the slide (the screen is already in the live room), while
 * the room takes check-ins (`open`: the session has not ended).
 */
export function SiteCheckInSlot({ sessionId, open }: { sessionId: string; open: boolean }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.code' });
  const code = useCheckInCode(sessionId, open);
  if (!code.data) return null;
  return (
    <section className="live-card" data-testid="site-check-in-slot">
      <h2 className="live-card__kicker">{t('title')}</h2>
      <CheckInCodeCard code={code.data} receivedAt={code.dataUpdatedAt} compact />
      <Link to={`/site/checkin/${sessionId}`} className="button button--small button--on-dark">
        {t('open')}
      </Link>
    </section>
  );
}
