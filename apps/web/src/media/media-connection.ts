import type { MediaJoin, MediaSource } from '@hallbridge/contracts';
import {
  ConnectionQuality,
  DisconnectReason,
  type Participant,
  type RemoteParticipant,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
} from 'livekit-client';
import { initialFallback, nextFallback, type FallbackState, type Quality } from './audio-fallback';
import { publishableSources, seatOf, sourceName } from './participant-seat';
import { shouldSubscribe, type PlanContext } from './subscription-plan';

export type MediaStatus =
  | 'idle'
  | 'preparing'
  | 'ready'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  /** The media server cannot be reached (down, restarting): retrying in the background. */
  | 'unavailable'
  | 'disabled'
  | 'ended'
  | 'error';

export interface DeviceChoices {
  camera: boolean;
  microphone: boolean;
  cameraId?: string;
  microphoneId?: string;
  speakerId?: string;
}

export interface MediaView {
  status: MediaStatus;
  join: MediaJoin | null;
  room: Room | null;
  error: unknown;
  /** Why the connection ended for good: removed by an organiser, or opened on another device. */
  endedReason: 'removed' | 'duplicate' | 'closed' | null;
  audioOnly: boolean;
  audioOnlyReason: 'user' | 'auto' | null;
  /** What this participant may publish right now (grows with the floor). */
  canPublish: MediaSource[];
  /** This participant holds the floor and may speak, but has not turned the microphone on yet. */
  floorOffered: boolean;
  speaking: boolean;
}

const idle: MediaView = {
  status: 'idle',
  join: null,
  room: null,
  error: null,
  endedReason: null,
  audioOnly: false,
  audioOnlyReason: null,
  canPublish: [],
  floorOffered: false,
  speaking: false,
};

const qualityName: Record<ConnectionQuality, Quality> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

/** Waits between attempts to join again (each with ±25 % jitter, so a returning server is not hit at once by everyone). */
const RETRY_MS = [1000, 2000, 4000, 8000, 10_000];
/** LiveKit's own resumption this long without success: say audio and video are unavailable. */
const UNAVAILABLE_AFTER_MS = 8000;

/**
 * The session's media room on the client, framework-free: fetches a join token, connects, sends
 * what the seat allows, receives only what the screen shows (see subscription-plan), falls back to
 * audio-only on a weak connection, and reconnects on its own with a fresh token when LiveKit's own
 * reconnection gives up. When the media server cannot be reached (a failed join, or a resumption
 * that lasts), the status is 'unavailable': the screen says audio and video are off for now while
 * everything else goes on, and joining is retried until the server is back. React binds to it
 * through subscribe/getView.
 */
export class MediaConnection {
  private view: MediaView = idle;
  private readonly listeners = new Set<() => void>();
  private floor = new Set<string>();
  private visibleSites = new Set<string>();
  private fallback: FallbackState = initialFallback;
  private devices: DeviceChoices | null = null;
  private declinedFloor = false;
  private retry = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private unavailableTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    readonly sessionId: string,
    private readonly fetchJoin: (sessionId: string) => Promise<MediaJoin>,
  ) {}

  /** The first subscriber asks for a token; the last one leaving closes the connection (after a beat, so a re-render or StrictMode's double mount does not drop the call). */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
    if (this.view.status === 'idle') void this.prepare();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.closeTimer = setTimeout(() => void this.close(), 1000);
    };
  };

  getView = () => this.view;

  /** Asks for a join token: the seat decides whether the device check shows camera and microphone. */
  async prepare(): Promise<void> {
    if (this.view.status !== 'idle' && this.view.status !== 'error') return;
    this.update({ status: 'preparing', error: null });
    try {
      this.update({ status: 'ready', join: await this.fetchJoin(this.sessionId) });
    } catch (error) {
      const disabled = (error as { code?: string }).code === 'MEDIA_DISABLED';
      this.update({ status: disabled ? 'disabled' : 'error', error });
    }
  }

  /** Joins with the devices chosen in the device check. */
  async connect(devices: DeviceChoices): Promise<void> {
    this.devices = devices;
    this.closed = false;
    await this.open(false);
  }

  /** Who holds the floor, from the live room. */
  setFloor(keys: readonly string[]): void {
    const next = new Set(keys);
    if (next.size === this.floor.size && [...next].every((k) => this.floor.has(k))) return;
    const me = this.view.join?.identity;
    if (me && !next.has(me)) this.declinedFloor = false;
    this.floor = next;
    this.applyPlan();
    this.refreshLocal();
  }

  /** The district wall's tiles on screen: only these sites' video is received. */
  setVisibleSites(identities: readonly string[]): void {
    this.visibleSites = new Set(identities);
    this.applyPlan();
  }

  setAudioOnly(audioOnly: boolean): void {
    this.fallback = nextFallback(this.fallback, { type: 'user', audioOnly });
    this.afterFallback();
  }

  /** After consent: turns on the microphone (and the camera when the floor came with it). */
  async speak(): Promise<void> {
    const room = this.view.room;
    if (!room) return;
    this.declinedFloor = false;
    const allowed = publishableSources(room.localParticipant);
    await room.localParticipant.setMicrophoneEnabled(true, { deviceId: this.devices?.microphoneId });
    if (allowed.includes('camera'))
      await room.localParticipant.setCameraEnabled(true, {
        deviceId: this.devices?.cameraId,
        resolution: VideoPresets.h720.resolution,
      });
    this.refreshLocal();
  }

  declineFloor(): void {
    this.declinedFloor = true;
    this.refreshLocal();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopUnavailableTimer();
    window.removeEventListener('online', this.onOnline);
    const room = this.view.room;
    this.update({ room: null, status: 'ended', endedReason: 'closed' });
    await room?.disconnect();
  }

  // ---- connection -----------------------------------------------------------------------------

  private async open(isRetry: boolean): Promise<void> {
    // While unavailable, a retry does not make the notice flicker back to "reconnecting".
    const trying = this.view.status === 'unavailable' ? 'unavailable' : 'reconnecting';
    this.update({ status: isRetry ? trying : 'connecting', error: null });
    try {
      // A fresh token each time: the first may have expired while the device check was open, and
      // the floor may have been given since (the token carries what the seat may send).
      const join = await this.fetchJoin(this.sessionId);
      const room = this.createRoom();
      await room.connect(join.url, join.token, { autoSubscribe: false });
      if (this.closed) {
        await room.disconnect();
        return;
      }
      this.retry = 0;
      window.addEventListener('online', this.onOnline);
      this.update({ status: 'connected', join, room, endedReason: null });
      await this.publishSeat(room, join);
      this.applyPlan();
      this.refreshLocal();
    } catch (error) {
      if ((error as { code?: string }).code === 'MEDIA_DISABLED') {
        this.update({ status: 'disabled', error });
        return;
      }
      // The media server did not answer (or refused the join): unavailable until a retry gets through.
      this.update({ status: 'unavailable', error });
      this.scheduleRetry();
    }
  }

  private createRoom(): Room {
    const room = new Room({
      adaptiveStream: true,
      dynacast: true,
      publishDefaults: {
        simulcast: true,
        videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360],
        videoCodec: 'vp8',
      },
      videoCaptureDefaults: { resolution: VideoPresets.h720.resolution },
      audioOutput: this.devices?.speakerId ? { deviceId: this.devices.speakerId } : undefined,
    });
    const plan = () => this.applyPlan();
    room
      .on(RoomEvent.ParticipantConnected, plan)
      .on(RoomEvent.TrackPublished, plan)
      .on(RoomEvent.ParticipantMetadataChanged, plan)
      .on(RoomEvent.Reconnected, () => {
        this.stopUnavailableTimer();
        this.update({ status: 'connected' });
        plan();
      })
      .on(RoomEvent.Reconnecting, () => {
        this.update({ status: 'reconnecting' });
        this.startUnavailableTimer();
      })
      .on(RoomEvent.ParticipantPermissionsChanged, (_before, participant: Participant | undefined) => {
        if (!participant || participant === room.localParticipant) void this.onPermissions(room);
      })
      .on(RoomEvent.LocalTrackPublished, () => this.refreshLocal())
      .on(RoomEvent.LocalTrackUnpublished, () => this.refreshLocal())
      .on(RoomEvent.ConnectionQualityChanged, (quality: ConnectionQuality, participant: Participant) => {
        if (participant !== room.localParticipant) return;
        this.fallback = nextFallback(this.fallback, {
          type: 'quality',
          quality: qualityName[quality],
          at: Date.now(),
        });
        this.afterFallback();
      })
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => this.onDisconnected(room, reason));
    return room;
  }

  private async publishSeat(room: Room, join: MediaJoin): Promise<void> {
    // The audience sends nothing unless given the floor, and then only after consenting (speak()).
    if (join.seat === 'audience') return;
    const devices = this.devices ?? { camera: true, microphone: true };
    const local = room.localParticipant;
    await Promise.all([
      devices.camera && join.grants.publish.includes('camera')
        ? local.setCameraEnabled(true, {
            deviceId: devices.cameraId,
            resolution: VideoPresets.h720.resolution,
          })
        : null,
      devices.microphone && join.grants.publish.includes('microphone')
        ? local.setMicrophoneEnabled(true, { deviceId: devices.microphoneId })
        : null,
    ]).catch((error) => this.update({ error }));
  }

  /** The floor was given or taken back: release devices the server no longer lets us use. */
  private async onPermissions(room: Room): Promise<void> {
    const allowed = publishableSources(room.localParticipant);
    const local = room.localParticipant;
    if (!allowed.includes('microphone') && local.isMicrophoneEnabled) await local.setMicrophoneEnabled(false);
    if (!allowed.includes('camera') && local.isCameraEnabled) await local.setCameraEnabled(false);
    this.refreshLocal();
  }

  private onDisconnected(room: Room, reason?: DisconnectReason): void {
    if (room !== this.view.room || this.closed) return;
    if (reason === DisconnectReason.PARTICIPANT_REMOVED || reason === DisconnectReason.ROOM_DELETED) {
      this.update({ status: 'ended', room: null, endedReason: 'removed' });
      return;
    }
    if (reason === DisconnectReason.DUPLICATE_IDENTITY) {
      this.update({ status: 'ended', room: null, endedReason: 'duplicate' });
      return;
    }
    // LiveKit gave up resuming (server restart, long network loss): start over with a new token.
    const lasting = this.view.status === 'unavailable';
    this.stopUnavailableTimer();
    this.update({ status: lasting ? 'unavailable' : 'reconnecting', room: null });
    this.scheduleRetry();
  }

  private startUnavailableTimer(): void {
    this.stopUnavailableTimer();
    this.unavailableTimer = setTimeout(() => {
      this.unavailableTimer = null;
      if (this.view.status === 'reconnecting') this.update({ status: 'unavailable' });
    }, UNAVAILABLE_AFTER_MS);
  }

  private stopUnavailableTimer(): void {
    if (this.unavailableTimer) clearTimeout(this.unavailableTimer);
    this.unavailableTimer = null;
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const base = RETRY_MS[Math.min(this.retry++, RETRY_MS.length - 1)]!;
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open(true);
    }, delay);
  }

  private onOnline = () => {
    if ((this.view.status !== 'reconnecting' && this.view.status !== 'unavailable') || !this.retryTimer)
      return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.open(true);
  };

  // ---- what to receive ------------------------------------------------------------------------

  private applyPlan(): void {
    const room = this.view.room;
    if (!room) return;
    const ctx: PlanContext = {
      floor: this.floor,
      visibleSites: this.visibleSites,
      audioOnly: this.view.audioOnly,
    };
    room.remoteParticipants.forEach((participant: RemoteParticipant) => {
      const seat = seatOf(participant);
      participant.trackPublications.forEach((pub) => {
        const kind = pub.kind === Track.Kind.Audio ? 'audio' : 'video';
        const wanted = shouldSubscribe(
          { identity: participant.identity, seat, source: sourceName(pub.source), kind },
          ctx,
        );
        if (pub.isDesired !== wanted) pub.setSubscribed(wanted);
      });
    });
  }

  private afterFallback(): void {
    const changed = this.fallback.audioOnly !== this.view.audioOnly;
    this.update({ audioOnly: this.fallback.audioOnly, audioOnlyReason: this.fallback.reason });
    if (changed) this.applyPlan();
  }

  private refreshLocal(): void {
    const room = this.view.room;
    const me = this.view.join?.identity;
    const canPublish = room ? publishableSources(room.localParticipant) : [];
    const speaking = !!room?.localParticipant.isMicrophoneEnabled;
    const floorOffered =
      this.view.join?.seat === 'audience' &&
      !!me &&
      this.floor.has(me) &&
      canPublish.includes('microphone') &&
      !speaking &&
      !this.declinedFloor;
    this.update({ canPublish, speaking, floorOffered });
  }

  private update(change: Partial<MediaView>): void {
    const same = (Object.keys(change) as (keyof MediaView)[]).every((k) => {
      const [before, after] = [this.view[k], change[k]];
      return Array.isArray(after) ? JSON.stringify(before) === JSON.stringify(after) : before === after;
    });
    if (same) return;
    this.view = { ...this.view, ...change };
    this.listeners.forEach((l) => l());
  }
}
