import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Puts the room's screen in full-screen mode (kiosk browsers often are already). */
export function FullscreenButton() {
  const { t } = useTranslation();
  const [full, setFull] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (typeof document === 'undefined' || !document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      className="button button--small button--on-dark"
      onClick={() =>
        void (full ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {})
      }
      data-testid="fullscreen-toggle"
    >
      {full ? t('live.site.exitFullscreen') : t('live.site.fullscreen')}
    </button>
  );
}
