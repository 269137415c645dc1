import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Participant } from '@hallbridge/contracts';
import { ClusterBus, type BusChannel } from '../cluster/cluster-bus';
import { LiveBroadcaster } from './live-broadcaster';
import { PresenceEvents } from './presence-events';
import { RoomCache } from './room-cache';
import type { RoomRuntime } from './room-runtime';

const PRESENCE_EVERY_MS = 1000;
/** Every instance says who is connected to it this often; one silent for 3 periods is gone. */
const ANNOUNCE_EVERY_MS = 5_000;

interface PresenceMessage {
  sessionId: string;
  /** With their number of connections on the sending instance. */
  participants: Participant[];
  /** No longer connected to the sending instance. */
  gone: string[];
  /** `participants` is everyone connected to the sending instance. */
  full: boolean;
}

/**
 * Who is in each room: this instance's sockets plus what the other instances announce (changes at
 * once, everything every 5 s; an instance silent for 15 s is forgotten). Staff hear who came and
 * went once a second; everyone else the count. Attendance hears of every connection opening and
 * closing here (PresenceEvents).
 */
@Injectable()
export class PresenceTracker implements OnModuleDestroy {
  private readonly presenceChannel: BusChannel<PresenceMessage>;
  private readonly hello: BusChannel<{ sessionId: string }>;
  /** instance → when it last announced its presence. */
  private readonly heardFrom = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly cache: RoomCache,
    private readonly broadcaster: LiveBroadcaster,
    private readonly events: PresenceEvents,
    bus: ClusterBus,
  ) {
    this.presenceChannel = bus.channel<PresenceMessage>('live.presence');
    this.hello = bus.channel<{ sessionId: string }>('live.hello');
    this.presenceChannel.subscribe((message, from) => {
      this.heardFrom.set(from, Date.now());
      void this.cache.held(message.sessionId)?.then(
        (runtime) => this.theirPresence(runtime, from, message),
        () => {},
      );
    });
    // A room another instance has just opened: tell it who is connected here.
    this.hello.subscribe(
      ({ sessionId }) =>
        void this.cache.held(sessionId)?.then(
          (runtime) => this.announce(runtime),
          () => {},
        ),
    );
    this.timer = setInterval(() => void this.announceAll(), ANNOUNCE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** A room this instance did not hold yet: ask the others who is connected to them. */
  opened(sessionId: string): void {
    this.hello.publish({ sessionId });
  }

  connect(runtime: RoomRuntime, participant: Participant, socketId: string): void {
    const sockets = runtime.presence.sockets;
    let mine = sockets.get(participant.key);
    if (!mine) sockets.set(participant.key, (mine = new Set()));
    mine.add(socketId);
    const updated = this.recount(runtime, participant.key, participant, true)!;
    this.events.emit('opened', {
      sessionId: runtime.room.sessionId,
      participant: updated,
      connectionId: socketId,
      at: Date.now(),
    });
    this.changedHere(runtime, participant.key);
  }

  disconnect(runtime: RoomRuntime, key: string, socketId: string, lastSeenAt?: number): void {
    const mine = runtime.presence.sockets.get(key);
    if (!mine?.delete(socketId)) return;
    const participant = runtime.room.participants.get(key);
    if (participant)
      this.events.emit('closed', {
        sessionId: runtime.room.sessionId,
        participant,
        connectionId: socketId,
        at: Date.now(),
        ...(lastSeenAt === undefined ? {} : { lastSeenAt }),
      });
    if (mine.size === 0) runtime.presence.sockets.delete(key);
    this.recount(runtime, key, participant ?? null, true);
    this.changedHere(runtime, key);
  }

  /**
   * Re-derives a participant's presence from their connections here and on other instances, and
   * queues the change for the room when `announce` (the instance where it happened announces it).
   * Returns the participant as now present, or null when gone.
   */
  private recount(
    runtime: RoomRuntime,
    key: string,
    participant: Participant | null,
    announce: boolean,
  ): Participant | null {
    const { room, presence } = runtime;
    const known = room.participants.get(key) ?? participant;
    let connections = presence.sockets.get(key)?.size ?? 0;
    let someone = known;
    for (const there of presence.elsewhere.values()) {
      const p = there.get(key);
      if (!p) continue;
      connections += p.connections;
      someone ??= p;
    }
    if (connections === 0 || !someone) {
      if (!room.participants.delete(key)) return null;
      presence.upserts.delete(key);
      presence.removals.add(key);
      if (announce) this.schedule(runtime);
      return null;
    }
    const updated = { ...someone, connections };
    room.participants.set(key, updated);
    presence.removals.delete(key);
    presence.upserts.set(key, updated);
    if (announce) this.schedule(runtime);
    return updated;
  }

  /** Staff get who came and went once a second; participants only the count. */
  private schedule(runtime: RoomRuntime): void {
    const presence = runtime.presence;
    if (presence.timer) return;
    presence.timer = setTimeout(() => {
      presence.timer = null;
      const sessionId = runtime.room.sessionId;
      const count = runtime.room.participants.size;
      this.broadcaster.emit({ sessionId, audience: 'staff' }, 'live:presence', {
        upserted: [...presence.upserts.values()],
        removed: [...presence.removals],
        count,
      });
      this.broadcaster.emit({ sessionId, audience: 'public' }, 'live:presence', {
        upserted: [],
        removed: [],
        count,
      });
      presence.upserts.clear();
      presence.removals.clear();
    }, PRESENCE_EVERY_MS);
  }

  /** This instance's sockets of a participant changed: the other instances hear of it. */
  private changedHere(runtime: RoomRuntime, key: string): void {
    const here = runtime.room.participants.get(key);
    const count = runtime.presence.sockets.get(key)?.size ?? 0;
    this.presenceChannel.publish({
      sessionId: runtime.room.sessionId,
      participants: here && count > 0 ? [{ ...here, connections: count }] : [],
      gone: here && count > 0 ? [] : [key],
      full: false,
    });
  }

  /** Another instance's connections: all of them (`full`) or one participant's change. */
  private theirPresence(runtime: RoomRuntime, from: string, message: PresenceMessage): void {
    const elsewhere = runtime.presence.elsewhere;
    let there = elsewhere.get(from);
    if (!there) elsewhere.set(from, (there = new Map()));
    const touched = new Set([...(message.full ? there.keys() : []), ...message.gone]);
    if (message.full) there.clear();
    for (const key of message.gone) there.delete(key);
    for (const p of message.participants) {
      touched.add(p.key);
      there.set(p.key, p);
    }
    for (const key of touched) this.recount(runtime, key, null, false);
  }

  /** Tells the others who is connected here, for every room this instance holds; forgets the silent. */
  private async announceAll(): Promise<void> {
    const silentSince = Date.now() - 3 * ANNOUNCE_EVERY_MS;
    for (const [instance, at] of this.heardFrom) if (at < silentSince) this.heardFrom.delete(instance);
    for (const sessionId of this.cache.heldRooms()) {
      const runtime = await this.cache.held(sessionId)?.catch(() => null);
      if (!runtime) continue;
      this.announce(runtime);
      const elsewhere = runtime.presence.elsewhere;
      for (const instance of [...elsewhere.keys()])
        if (!this.heardFrom.has(instance)) {
          const keys = [...elsewhere.get(instance)!.keys()];
          elsewhere.delete(instance);
          for (const key of keys) this.recount(runtime, key, null, true);
        }
    }
  }

  private announce(runtime: RoomRuntime): void {
    const participants = [...runtime.presence.sockets].flatMap(([key, sockets]) => {
      const p = runtime.room.participants.get(key);
      return p ? [{ ...p, connections: sockets.size }] : [];
    });
    this.presenceChannel.publish({
      sessionId: runtime.room.sessionId,
      participants,
      gone: [],
      full: true,
    });
  }
}
