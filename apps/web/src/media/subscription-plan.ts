import type { MediaSeat, MediaSource } from '@hallbridge/contracts';

/** One remote publication, as the plan needs to see it. */
export interface PlanPublication {
  identity: string;
  seat: MediaSeat | null;
  source: MediaSource | 'unknown';
  kind: 'audio' | 'video';
}

export interface PlanContext {
  /** Keys of those who hold the floor (from the live room). */
  floor: ReadonlySet<string>;
  /** Sites whose tiles are on screen (the district wall's current page). */
  visibleSites: ReadonlySet<string>;
  /** Receive sound only: no video at all. */
  audioOnly: boolean;
}

/**
 * Whether to receive a publication. Everyone hears and sees the stage and whoever holds the floor;
 * district rooms are seen only while their tile is on screen and heard only with the floor, so a
 * hall following hundreds of rooms receives a page of video and a few voices. Audio-only drops
 * every video.
 */
export function shouldSubscribe(pub: PlanPublication, ctx: PlanContext): boolean {
  const onStage = pub.seat === 'stage';
  const onFloor = ctx.floor.has(pub.identity);
  if (pub.kind === 'audio') return onStage || onFloor;
  if (ctx.audioOnly) return false;
  if (onStage || onFloor) return true;
  return pub.seat === 'site' && pub.source === 'camera' && ctx.visibleSites.has(pub.identity);
}
