import { DistrictWall } from './district-wall';
import { FloorConsent } from './floor-consent';
import { HallStage } from './hall-stage';
import { MediaControls } from './media-controls';
import { MediaModeration } from './media-moderation';
import { MediaSession } from './media-session';

interface PanelProps {
  sessionId: string;
  /** The live room's floor holders (only their keys are used). */
  floor: readonly { key: string }[];
}

/**
 * What a district room's screen and a member see: the presenter (and whoever holds the floor),
 * the offer to speak when given the floor, and their own controls.
 */
export function AudienceMediaPanel({ sessionId, floor }: PanelProps) {
  return (
    <MediaSession sessionId={sessionId} floorKeys={floor.map((f) => f.key)}>
      <HallStage />
      <FloorConsent />
      <MediaControls />
    </MediaSession>
  );
}

/**
 * The hall (presenter and organisers): their own stage, the wall of district rooms, and for those
 * who run the session, muting and removing participants.
 */
export function HallMediaPanel({ sessionId, floor, runs }: PanelProps & { runs: boolean }) {
  return (
    <MediaSession sessionId={sessionId} floorKeys={floor.map((f) => f.key)}>
      <HallStage inHall />
      <MediaControls />
      <DistrictWall />
      {runs && <MediaModeration sessionId={sessionId} />}
    </MediaSession>
  );
}
