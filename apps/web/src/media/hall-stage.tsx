import { type TrackReference, useSpeakingParticipants, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';
import { useMedia } from './media-context';
import { seatOf } from './participant-seat';
import { VideoTile } from './video-tile';

const hasTrack = (ref: TrackReference) => !!ref.publication.track;

/**
 * The stage: the presenter (their shared screen first, then their camera) large, whoever holds the
 * floor beside, the current speaker outlined, and one's own camera small in the corner. In the hall
 * (`inHall`) one is on the stage oneself: one's own screen and camera take their place on it, and
 * an empty stage says that one's camera is off rather than that the hall's video is awaited.
 */
export function HallStage({ inHall = false }: { inHall?: boolean }) {
  const { t } = useTranslation();
  const { floorKeys, view } = useMedia();
  const refs = useTracks([Track.Source.ScreenShare, Track.Source.Camera], { onlySubscribed: false });
  const remote = refs.filter((r) => !r.participant.isLocal && hasTrack(r));
  const own = inHall ? refs.filter((r) => r.participant.isLocal && hasTrack(r)) : [];
  const stage = [...own, ...remote.filter((r) => seatOf(r.participant) === 'stage')];
  const screens = stage.filter((r) => r.source === Track.Source.ScreenShare);
  const cameras = stage.filter((r) => r.source === Track.Source.Camera);
  const floor = remote.filter(
    (r) => r.source === Track.Source.Camera && floorKeys.includes(r.participant.identity),
  );
  const main = screens[0] ?? cameras[0] ?? floor[0] ?? null;
  const side = [...screens.slice(1), ...cameras, ...floor].filter((r) => r !== main);
  const self = inHall
    ? undefined
    : refs.find((r) => r.participant.isLocal && r.source === Track.Source.Camera && hasTrack(r));
  const voices = floorKeys.filter((key) => !floor.some((r) => r.participant.identity === key));
  return (
    <section className="media-stage" data-testid="hall-stage" aria-label={t('media.stage.label')}>
      <div className="media-stage__main" data-testid="stage-main">
        {main ? (
          <VideoTile
            trackRef={main}
            testId="stage-video"
            highlight={floorKeys.includes(main.participant.identity)}
            className="media-tile--main"
          />
        ) : (
          <p className="media-stage__empty">
            {t(
              view.audioOnly
                ? 'media.stage.audioOnly'
                : inHall
                  ? 'media.stage.ownCameraOff'
                  : 'media.stage.waiting',
            )}
          </p>
        )}
      </div>
      {(side.length > 0 || voices.length > 0) && (
        <div className="media-stage__side">
          {side.map((ref) => (
            <VideoTile
              key={`${ref.participant.identity}/${ref.source}`}
              trackRef={ref}
              testId="stage-tile"
              highlight={floorKeys.includes(ref.participant.identity)}
            />
          ))}
          <FloorVoices keys={voices} />
        </div>
      )}
      {self && (
        <div className="media-stage__self">
          <VideoTile trackRef={self} testId="self-view" />
        </div>
      )}
    </section>
  );
}

/** Floor holders heard without a picture (members speak with the microphone only). */
function FloorVoices({ keys }: { keys: string[] }) {
  const { t } = useTranslation();
  const refs = useTracks([Track.Source.Microphone], { onlySubscribed: false });
  const speaking = new Set(useSpeakingParticipants().map((p) => p.identity));
  return keys.map((key) => {
    const ref = refs.find((r) => r.participant.identity === key);
    if (!ref) return null;
    return (
      <figure
        key={key}
        className={`media-tile media-tile--voice media-tile--floor ${speaking.has(key) ? 'media-tile--speaking' : ''}`}
        data-testid="floor-voice"
        data-identity={key}
      >
        <div className="media-tile__placeholder" aria-hidden>
          🎙
        </div>
        <figcaption className="media-tile__name">
          {ref.participant.name} · {t('media.stage.hasFloor')}
        </figcaption>
      </figure>
    );
  });
}
