import type {
  MediaGrants,
  MediaParticipant,
  MediaParticipantMetadata,
  MediaSource,
} from '@hallbridge/contracts';

export const MEDIA_BACKEND = Symbol('MEDIA_BACKEND');

export interface MediaJoinRequest {
  /** The room is the session id. */
  room: string;
  /** The participant key. */
  identity: string;
  name: string;
  metadata: MediaParticipantMetadata;
  grants: MediaGrants;
  ttlSeconds: number;
}

export type MediaWebhookType =
  | 'participant_joined'
  | 'participant_left'
  | 'track_published'
  | 'track_unpublished'
  | 'room_started'
  | 'room_finished'
  | 'other';

/** A media server notification, verified and reduced to what HallBridge uses. */
export interface MediaWebhookEvent {
  /** Unique per event: the server may deliver one twice. */
  id: string;
  type: MediaWebhookType;
  room: string | null;
  participant: MediaParticipant | null;
  /** Epoch milliseconds of the event on the media server. */
  at: number;
}

/**
 * The one seam between HallBridge and a media server (SFU). LiveKit implements it; a mediasoup
 * backend could, where its worker can be installed. Room = session id, identity = participant key.
 */
export interface MediaBackend {
  readonly kind: 'livekit' | 'disabled';
  /** Where browsers connect (null when media is off). */
  readonly clientUrl: string | null;
  /** A short-lived join token carrying exactly `grants`. */
  joinToken(request: MediaJoinRequest): Promise<string>;
  /**
   * Changes what a connected participant may publish; tracks of a source no longer allowed are
   * unpublished by the media server. Resolves false when the participant is not connected.
   */
  setGrants(room: string, identity: string, grants: MediaGrants): Promise<boolean>;
  /** Mutes the participant's tracks of these sources; resolves the number of tracks muted. */
  mute(room: string, identity: string, sources: MediaSource[]): Promise<number>;
  /** Mutes these sources of every participant `spare` does not keep. */
  muteAll(room: string, sources: MediaSource[], spare: (p: MediaParticipant) => boolean): Promise<number>;
  participants(room: string): Promise<MediaParticipant[]>;
  participant(room: string, identity: string): Promise<MediaParticipant | null>;
  /** Disconnects a participant; false when they were not connected. */
  remove(room: string, identity: string): Promise<boolean>;
  /** Verifies the signature of a webhook against its raw body; throws when it does not match. */
  parseWebhook(rawBody: string, authorization: string | undefined): Promise<MediaWebhookEvent>;
}
