import { z } from 'zod';
import { Id, Role } from './common';
import { ParticipantKey } from './live/live-state';

/** What a participant can send: LiveKit's track sources, by name. */
export const MediaSource = z.enum(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
export type MediaSource = z.infer<typeof MediaSource>;

/**
 * Where a participant sits in the media room, which decides what they may send:
 * `stage` (presenters and organisers: camera, microphone, screen), `site` (a district room's
 * screen: camera and microphone), `audience` (members and secretaries: nothing, unless given the floor).
 */
export const MediaSeat = z.enum(['stage', 'site', 'audience']);
export type MediaSeat = z.infer<typeof MediaSeat>;

export const MediaGrants = z.object({
  publish: z.array(MediaSource),
  subscribe: z.boolean(),
});
export type MediaGrants = z.infer<typeof MediaGrants>;

/** Set by the server in the join token; participants cannot change it. */
export const MediaParticipantMetadata = z.object({
  key: ParticipantKey,
  role: Role,
  seat: MediaSeat,
  unitId: Id,
  unitName: z.string(),
});
export type MediaParticipantMetadata = z.infer<typeof MediaParticipantMetadata>;

/** Everything a client needs to join the session's media room. */
export const MediaJoin = z
  .object({
    /** WebSocket URL of the media server (ws:// or wss://). */
    url: z.string(),
    token: z.string(),
    /** The room is the session. */
    room: Id,
    /** The participant key ('m:…', 'u:…', 's:…'). */
    identity: ParticipantKey,
    name: z.string(),
    seat: MediaSeat,
    grants: MediaGrants,
    expiresAt: z.string(),
  })
  .meta({ id: 'MediaJoin' });
export type MediaJoin = z.infer<typeof MediaJoin>;

export const MediaTrack = z.object({
  sid: z.string(),
  kind: z.enum(['audio', 'video', 'data']),
  source: MediaSource.or(z.literal('unknown')),
  muted: z.boolean(),
});
export type MediaTrack = z.infer<typeof MediaTrack>;

/** A participant connected to the media room, as the media server sees them. */
export const MediaParticipant = z
  .object({
    identity: z.string(),
    name: z.string(),
    seat: MediaSeat.nullable(),
    role: Role.nullable(),
    unitName: z.string().nullable(),
    /** Epoch milliseconds. */
    joinedAt: z.number(),
    publish: z.array(MediaSource),
    tracks: z.array(MediaTrack),
  })
  .meta({ id: 'MediaParticipant' });
export type MediaParticipant = z.infer<typeof MediaParticipant>;

const Sources = z.array(MediaSource).min(1).default(['microphone']);

export const MuteMediaBody = z
  .object({ identity: ParticipantKey, sources: Sources })
  .meta({ id: 'MuteMediaBody' });
export type MuteMediaBody = z.infer<typeof MuteMediaBody>;

/** Mutes everyone who is not on the stage. */
export const MuteAllMediaBody = z.object({ sources: Sources }).meta({ id: 'MuteAllMediaBody' });
export type MuteAllMediaBody = z.infer<typeof MuteAllMediaBody>;

export const RemoveMediaBody = z.object({ identity: ParticipantKey }).meta({ id: 'RemoveMediaBody' });
export type RemoveMediaBody = z.infer<typeof RemoveMediaBody>;

/** How many tracks were muted, or participants removed. */
export const MediaActionResult = z.object({ affected: z.number().int() }).meta({ id: 'MediaActionResult' });
export type MediaActionResult = z.infer<typeof MediaActionResult>;
