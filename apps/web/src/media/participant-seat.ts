import { MediaParticipantMetadata, type MediaSeat, type MediaSource } from '@hallbridge/contracts';
import type { Participant } from 'livekit-client';

const cache = new WeakMap<Participant, { raw: string | undefined; meta: MediaParticipantMetadata | null }>();

/** The server-set metadata of a participant (seat, role, unit); null for anyone else. */
export function metadataOf(participant: Participant): MediaParticipantMetadata | null {
  const hit = cache.get(participant);
  if (hit && hit.raw === participant.metadata) return hit.meta;
  const meta = parseMetadata(participant.metadata);
  cache.set(participant, { raw: participant.metadata, meta });
  return meta;
}

function parseMetadata(raw: string | undefined): MediaParticipantMetadata | null {
  try {
    const parsed = MediaParticipantMetadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const seatOf = (participant: Participant): MediaSeat | null => metadataOf(participant)?.seat ?? null;

// LiveKit's TrackSource numbers (protocol) and names (client) for the sources we use.
const protocolSources: Record<number, MediaSource> = {
  1: 'camera',
  2: 'microphone',
  3: 'screen_share',
  4: 'screen_share_audio',
};
const ALL: MediaSource[] = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];

/** What the participant may publish now, from the permissions the server last sent. */
export function publishableSources(participant: Participant): MediaSource[] {
  const permission = participant.permissions;
  if (!permission?.canPublish) return [];
  const sources = permission.canPublishSources ?? [];
  return sources.length === 0 ? ALL : sources.flatMap((s) => protocolSources[s as number] ?? []);
}

/** livekit-client's Track.Source values are the same names as ours. */
export const sourceName = (source: string): MediaSource | 'unknown' =>
  (ALL as string[]).includes(source) ? (source as MediaSource) : 'unknown';
