import type {
  FloorHolder,
  MediaGrants,
  MediaSeat,
  MediaSource,
  Role,
  SessionState,
} from '@hallbridge/contracts';
import { DomainError } from '../domain-error';

const STAGE: MediaSource[] = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];
const SITE: MediaSource[] = ['camera', 'microphone'];

/** Join tokens live long enough to connect; a connected client is kept alive by the media server. */
export const MEDIA_TOKEN_TTL_SECONDS = 10 * 60;

/**
 * Where a participant sits: those who run the session (its presenters, organisers) on the stage,
 * a district room's screen as a site, everyone else in the audience.
 */
export function mediaSeat(actor: { role: Role; isStaff: boolean }): MediaSeat {
  if (actor.role === 'site') return 'site';
  if (actor.isStaff || actor.role === 'organiser' || actor.role === 'presenter') return 'stage';
  return 'audience';
}

/**
 * What a seat may send. The stage sends camera, microphone and screen; district rooms are the
 * two-way points and send camera and microphone; the audience only receives, until given the
 * floor: then the microphone, and the camera if the presenter asked for it.
 */
export function mediaGrants(seat: MediaSeat, floor: Pick<FloorHolder, 'withCamera'> | null): MediaGrants {
  if (seat === 'stage') return { publish: STAGE, subscribe: true };
  if (seat === 'site') return { publish: SITE, subscribe: true };
  if (!floor) return { publish: [], subscribe: true };
  return { publish: floor.withCamera ? ['camera', 'microphone'] : ['microphone'], subscribe: true };
}

export const sameGrants = (a: MediaGrants, b: MediaGrants) =>
  a.subscribe === b.subscribe &&
  a.publish.length === b.publish.length &&
  a.publish.every((s) => b.publish.includes(s));

/**
 * Stage and district rooms may connect before the start to check their cameras; the audience
 * joins once the session is live. Nobody joins a session that is over.
 */
export function assertMayJoinMedia(seat: MediaSeat, state: SessionState): void {
  const open = seat === 'audience' ? state === 'live' : state === 'scheduled' || state === 'live';
  if (!open) throw new DomainError('INVALID_TRANSITION', { action: 'media:join', state });
}
