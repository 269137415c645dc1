import { useTranslation } from 'react-i18next';
import { useMedia } from './media-context';

/**
 * The floor given to a member who has not joined audio and video yet: one click joins and
 * speaks (the click is their consent), instead of a banner asking for a camera that is not there.
 */
export function FloorJoinPrompt({ onSpeak }: { onSpeak: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      className="media-consent"
      role="alertdialog"
      aria-labelledby="media-join-floor"
      data-testid="floor-join"
    >
      <p id="media-join-floor">
        <strong>{t('media.floor.offered')}</strong>
      </p>
      <p>{t('media.floor.explainJoin')}</p>
      <div className="media-consent__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onSpeak}
          data-testid="floor-join-speak"
        >
          {t('media.floor.speak')}
        </button>
      </div>
    </div>
  );
}

/**
 * A member given the floor is asked before the microphone (and camera) turns on: speaking is
 * their choice, and the browser only opens devices after a click.
 */
export function FloorConsent() {
  const { t } = useTranslation();
  const { connection, view } = useMedia();
  if (view.floorOffered) {
    const withCamera = view.canPublish.includes('camera');
    return (
      <div
        className="media-consent"
        role="alertdialog"
        aria-labelledby="media-consent-title"
        data-testid="floor-consent"
      >
        <p id="media-consent-title">
          <strong>{t('media.floor.offered')}</strong>
        </p>
        <p>{t(withCamera ? 'media.floor.explainCamera' : 'media.floor.explain')}</p>
        <div className="media-consent__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void connection.speak()}
            data-testid="floor-speak"
          >
            {t('media.floor.speak')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => connection.declineFloor()}
            data-testid="floor-decline"
          >
            {t('media.floor.later')}
          </button>
        </div>
      </div>
    );
  }
  if (view.speaking && view.join?.seat === 'audience')
    return (
      <p className="media-consent media-consent--live" role="status" data-testid="floor-speaking">
        {t('media.floor.speaking')}
      </p>
    );
  return null;
}
