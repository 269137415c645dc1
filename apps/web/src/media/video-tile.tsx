import {
  isTrackReference,
  type TrackReferenceOrPlaceholder,
  useIsSpeaking,
  VideoTrack,
} from '@livekit/components-react';
import { metadataOf } from './participant-seat';

interface VideoTileProps {
  trackRef: TrackReferenceOrPlaceholder;
  /** Highlighted as the current speaker (or holding the floor). */
  highlight?: boolean;
  testId?: string;
  className?: string;
}

/** One participant's picture with their name (and unit), outlined while they speak. */
export function VideoTile({
  trackRef,
  highlight = false,
  testId = 'media-tile',
  className = '',
}: VideoTileProps) {
  const participant = trackRef.participant;
  const speaking = useIsSpeaking(participant);
  const meta = metadataOf(participant);
  const hasVideo =
    isTrackReference(trackRef) && !!trackRef.publication.track && !trackRef.publication.isMuted;
  return (
    <figure
      className={`media-tile ${speaking ? 'media-tile--speaking' : ''} ${highlight ? 'media-tile--floor' : ''} ${className}`}
      data-testid={testId}
      data-identity={participant.identity}
      data-speaking={speaking}
    >
      {hasVideo ? (
        <VideoTrack trackRef={trackRef} muted playsInline />
      ) : (
        <div className="media-tile__placeholder" aria-hidden>
          {(participant.name || participant.identity).slice(0, 1).toUpperCase()}
        </div>
      )}
      <figcaption className="media-tile__name">
        {participant.name || participant.identity}
        {meta?.unitName && meta.seat !== 'stage' ? <small> · {meta.unitName}</small> : null}
      </figcaption>
    </figure>
  );
}
