import type { LiveSnapshot } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';

/** "You have the floor": the member or room may speak now (the media work turns the microphone on). */
export function FloorBanner({ snapshot, myKey }: { snapshot: LiveSnapshot; myKey: string | null }) {
  const { t } = useTranslation();
  const mine = snapshot.floor.find((f) => f.key === myKey);
  if (!mine) return null;
  return (
    <p
      className="live-banner live-banner--floor"
      role="status"
      data-testid="floor-banner"
      data-camera={mine.withCamera}
    >
      <span className="live-banner__title">{t('live.floor.yours')}</span>
      {mine.withCamera && <span className="live-banner__sub">{t('live.floor.yoursWithCamera')}</span>}
    </p>
  );
}
