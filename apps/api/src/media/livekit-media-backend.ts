import {
  MediaParticipantMetadata,
  type MediaGrants,
  type MediaParticipant,
  type MediaSource,
  type MediaTrack,
} from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import {
  AccessToken,
  type ParticipantInfo,
  type ParticipantPermission,
  RoomServiceClient,
  ServerError,
  type TrackInfo,
  TrackSource,
  TrackType,
  WebhookReceiver,
} from 'livekit-server-sdk';
import type { MediaConfig } from '../config/app-config';
import type { MediaBackend, MediaJoinRequest, MediaWebhookEvent, MediaWebhookType } from './media-backend';

const toTrackSource: Record<MediaSource, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};
const fromTrackSource = new Map(
  Object.entries(toTrackSource).map(([name, source]) => [source, name as MediaSource]),
);
const ALL_SOURCES = Object.keys(toTrackSource) as MediaSource[];
const WEBHOOK_TYPES = new Set<MediaWebhookType>([
  'participant_joined',
  'participant_left',
  'track_published',
  'track_unpublished',
  'room_started',
  'room_finished',
]);

/** LiveKit's answer for a participant or room that is not there. */
const isNotFound = (error: unknown) =>
  error instanceof ServerError && (error.status === 404 || error.code === 'not_found');

/** A LiveKit deployment (one node or a cluster sharing Redis), driven through its server API. */
export class LiveKitMediaBackend implements MediaBackend {
  readonly kind = 'livekit' as const;
  readonly clientUrl: string;
  private readonly rooms: RoomServiceClient;
  private readonly receiver: WebhookReceiver;

  constructor(private readonly config: MediaConfig) {
    this.clientUrl = config.publicUrl ?? config.url;
    const apiUrl = config.url.replace(/^ws(s?):/, 'http$1:');
    this.rooms = new RoomServiceClient(apiUrl, config.apiKey, config.apiSecret, { requestTimeout: 10 });
    this.receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  }

  async joinToken(request: MediaJoinRequest): Promise<string> {
    const token = new AccessToken(this.config.apiKey, this.config.apiSecret, {
      identity: request.identity,
      name: request.name,
      metadata: JSON.stringify(request.metadata),
      ttl: request.ttlSeconds,
    });
    token.addGrant({
      roomJoin: true,
      room: request.room,
      ...toPermission(request.grants),
      canUpdateOwnMetadata: false,
    });
    return token.toJwt();
  }

  setGrants(room: string, identity: string, grants: MediaGrants): Promise<boolean> {
    const permission = toPermission(grants);
    return this.unlessMissing(async () => {
      await this.call(() => this.rooms.updateParticipant(room, identity, { permission }));
      return true;
    }, false);
  }

  async mute(room: string, identity: string, sources: MediaSource[]): Promise<number> {
    const participant = await this.participant(room, identity);
    if (!participant) return 0;
    return this.muteTracks(room, participant, sources);
  }

  async muteAll(
    room: string,
    sources: MediaSource[],
    spare: (p: MediaParticipant) => boolean,
  ): Promise<number> {
    const everyone = await this.participants(room);
    const counts = await Promise.all(
      everyone.filter((p) => !spare(p)).map((p) => this.muteTracks(room, p, sources)),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  participants(room: string): Promise<MediaParticipant[]> {
    return this.unlessMissing(
      async () => (await this.call(() => this.rooms.listParticipants(room))).map(toParticipant),
      [],
    );
  }

  participant(room: string, identity: string): Promise<MediaParticipant | null> {
    return this.unlessMissing(
      async () => toParticipant(await this.call(() => this.rooms.getParticipant(room, identity))),
      null,
    );
  }

  remove(room: string, identity: string): Promise<boolean> {
    return this.unlessMissing(async () => {
      await this.call(() => this.rooms.removeParticipant(room, identity));
      return true;
    }, false);
  }

  async parseWebhook(rawBody: string, authorization: string | undefined): Promise<MediaWebhookEvent> {
    const event = await this.receiver.receive(rawBody, authorization);
    const type = WEBHOOK_TYPES.has(event.event as MediaWebhookType)
      ? (event.event as MediaWebhookType)
      : 'other';
    const createdAt = Number(event.createdAt ?? 0n);
    return {
      id: event.id,
      type,
      room: event.room?.name ?? null,
      participant: event.participant ? toParticipant(event.participant) : null,
      at: createdAt > 0 ? createdAt * 1000 : Date.now(),
    };
  }

  private async muteTracks(room: string, participant: MediaParticipant, sources: MediaSource[]) {
    const tracks = participant.tracks.filter(
      (t) => !t.muted && t.source !== 'unknown' && sources.includes(t.source),
    );
    await Promise.all(
      tracks.map((t) =>
        this.call(() => this.rooms.mutePublishedTrack(room, participant.identity, t.sid, true)).catch(
          (error) => {
            // Unpublished between the listing and the mute: nothing left to silence.
            if (!isNotFound(error)) throw error;
          },
        ),
      ),
    );
    return tracks.length;
  }

  /** `missing` when the room or participant is not there (LiveKit answers "not found"). */
  private async unlessMissing<T>(run: () => Promise<T>, missing: T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isNotFound(error)) return missing;
      throw error;
    }
  }

  /** Media server errors keep their meaning; an unreachable server becomes MEDIA_UNAVAILABLE. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ServerError && error.status > 0 && error.status < 500) throw error;
      throw new DomainError('MEDIA_UNAVAILABLE', {}, { cause: (error as Error)?.message ?? String(error) });
    }
  }
}

/** What a participant may send, as LiveKit grants it (in a token or to a connected participant). */
function toPermission(grants: MediaGrants): Partial<ParticipantPermission> {
  return {
    canSubscribe: grants.subscribe,
    canPublish: grants.publish.length > 0,
    canPublishSources: grants.publish.map((s) => toTrackSource[s]),
    // Data messages are not used; keeping them off leaves members nothing to flood the room with.
    canPublishData: false,
  };
}

function toParticipant(info: ParticipantInfo): MediaParticipant {
  const meta = parseMetadata(info.metadata);
  const permission = info.permission;
  const publish = !permission?.canPublish
    ? []
    : permission.canPublishSources.length === 0
      ? ALL_SOURCES
      : permission.canPublishSources.flatMap((s) => fromTrackSource.get(s) ?? []);
  const joinedAtMs = Number(info.joinedAtMs ?? 0n) || Number(info.joinedAt ?? 0n) * 1000;
  return {
    identity: info.identity,
    name: info.name,
    seat: meta?.seat ?? null,
    role: meta?.role ?? null,
    unitName: meta?.unitName ?? null,
    joinedAt: joinedAtMs,
    publish,
    tracks: info.tracks.map(toTrack),
  };
}

function toTrack(track: TrackInfo): MediaTrack {
  return {
    sid: track.sid,
    kind: track.type === TrackType.AUDIO ? 'audio' : track.type === TrackType.VIDEO ? 'video' : 'data',
    source: fromTrackSource.get(track.source) ?? 'unknown',
    muted: track.muted,
  };
}

function parseMetadata(raw: string): MediaParticipantMetadata | null {
  try {
    const parsed = MediaParticipantMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
