import { ConnectionQualityIndicator, TrackToggle } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { useMedia } from './media-context';

/**
 * What this participant can do with their own media: microphone and camera while allowed to send,
 * screen sharing on the stage, audio-only (chosen, or automatic on a weak connection).
 */
export function MediaControls() {
  const { t } = useTranslation();
  const { connection, view } = useMedia();
  const can = (source: string) => view.canPublish.includes(source as never);
  return (
    <div className="media-controls" data-testid="media-controls">
      {can('microphone') && (view.join?.seat !== 'audience' || view.speaking) && (
        <TrackToggle
          source={Track.Source.Microphone}
          className="button button--small"
          data-testid="toggle-microphone"
        >
          {t('media.controls.microphone')}
        </TrackToggle>
      )}
      {can('camera') && (
        <TrackToggle
          source={Track.Source.Camera}
          className="button button--small"
          data-testid="toggle-camera"
        >
          {t('media.controls.camera')}
        </TrackToggle>
      )}
      {can('screen_share') && (
        <TrackToggle
          source={Track.Source.ScreenShare}
          captureOptions={{ audio: true, selfBrowserSurface: 'exclude' }}
          className="button button--small"
          data-testid="toggle-screen"
        >
          {t('media.controls.screen')}
        </TrackToggle>
      )}
      <button
        type="button"
        className="button button--small"
        aria-pressed={view.audioOnly}
        onClick={() => connection.setAudioOnly(!view.audioOnly)}
        data-testid="audio-only-toggle"
      >
        {view.audioOnly ? t('media.controls.showVideo') : t('media.controls.audioOnly')}
      </button>
      {view.room && (
        <ConnectionQualityIndicator
          participant={view.room.localParticipant}
          className="media-controls__quality"
          title={t('media.controls.quality')}
        />
      )}
      {view.audioOnlyReason === 'auto' && (
        <p className="media-controls__note" role="status" data-testid="audio-only-auto">
          {t('media.controls.autoAudioOnly')}
        </p>
      )}
    </div>
  );
}
