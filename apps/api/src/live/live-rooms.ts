import { Injectable, Logger } from '@nestjs/common';
import type { LiveAck, LiveCommand, LiveCommandName, Participant } from '@hallbridge/contracts';
import {
  decide,
  DomainError,
  HAND_KEPT_AWAY_MS,
  lowerHandOfAbsent,
  snapshotFor,
  type Audience,
  type LiveActor,
  type LiveRoomCommand,
  type RoomFact,
} from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import { ClusterBus } from '../cluster/cluster-bus';
import { PrismaService } from '../database/prisma.service';
import { DeckEvents } from '../slides/deck-events';
import { CommandPipeline } from './command-pipeline';
import { LiveBroadcaster } from './live-broadcaster';
import type { LiveServer } from './live-socket';
import { PresenceTracker } from './presence-tracker';
import { RoomCache } from './room-cache';
import { commandKey, type Outcome, type RoomRuntime } from './room-runtime';
import { SessionLifecycle } from './session-lifecycle';
import { toAck } from './socket-errors';

/** The REST state machine's facts are retried this long when the database is briefly unavailable. */
const RECORD_RETRY_MS = [500, 1000, 2000, 4000, 8000];

/**
 * The live state of every session, for the gateway, the poll-results REST service and the media
 * floor sync. A room is the fold of its fact log (stored in the database) and each change gets the
 * next per-session sequence number. The parts: RoomCache (rooms in memory, kept up to date),
 * CommandPipeline (rounds of decide, store, broadcast), RoomEvents and LiveBroadcaster (what
 * clients are sent), PresenceTracker (who is there), TallyCoalescer. Whether other app instances
 * share the rooms is the cluster strategy given to them (RoomLocks, ClusterBus), not a subclass.
 */
@Injectable()
export class LiveRooms {
  private readonly logger = new Logger('LiveRooms');
  /** Commands being run, so a retry that arrives meanwhile waits for the same answer. */
  private readonly inflight = new Map<string, Promise<Outcome>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: RoomCache,
    private readonly pipeline: CommandPipeline,
    private readonly presence: PresenceTracker,
    private readonly broadcaster: LiveBroadcaster,
    private readonly bus: ClusterBus,
    lifecycle: SessionLifecycle,
    deckEvents: DeckEvents,
  ) {
    lifecycle.on('state', ({ sessionId, state, actorKey }) => {
      void this.record(sessionId, actorKey, [{ type: 'session.state', state }]).catch((e) =>
        this.logger.error(`recording state ${state} of ${sessionId}`, (e as Error).stack),
      );
    });
    // Conversion progress concerns those who run the room; a finished, renamed or removed deck, everyone.
    deckEvents.on('progress', (deck) =>
      this.broadcaster.emit(
        { sessionId: deck.sessionId, audience: deck.status === 'ready' ? 'everyone' : 'staff' },
        'live:deck',
        { deckId: deck.id, deck },
      ),
    );
    deckEvents.on('changed', (deck) =>
      this.broadcaster.emit({ sessionId: deck.sessionId, audience: 'everyone' }, 'live:deck', {
        deckId: deck.id,
        deck,
      }),
    );
    deckEvents.on('removed', ({ id, sessionId }) =>
      this.broadcaster.emit({ sessionId, audience: 'everyone' }, 'live:deck', { deckId: id, deck: null }),
    );
  }

  /** Where events are broadcast (the gateway's socket.io server, reaching every instance's sockets). */
  attach(server: LiveServer): void {
    this.bus.attach(server);
    this.broadcaster.attach(server);
  }

  /** The room of a session, loaded from its fact log the first time it is needed. */
  open(sessionId: string): Promise<RoomRuntime> {
    const known = this.cache.held(sessionId);
    const room = this.cache.open(sessionId);
    if (!known)
      void room.then(
        () => this.presence.opened(sessionId),
        () => {},
      );
    return room;
  }

  /** Decides, stores, broadcasts and acknowledges one command; a retried command id (per person) runs once. */
  async execute<N extends LiveCommandName>(
    actor: LiveActor,
    name: N,
    payload: LiveCommand<N>,
    language = 'vi',
  ): Promise<LiveAck> {
    const { sessionId } = payload;
    const commandId = 'commandId' in payload ? payload.commandId : randomUUID();
    const key = `${sessionId}|${commandKey(actor.key, commandId)}`;
    let running = this.inflight.get(key);
    if (!running) {
      running = this.run(actor, name, payload, commandId);
      this.inflight.set(key, running);
      void running.finally(() => this.inflight.delete(key));
    }
    const outcome = await running;
    return outcome.ok ? { ok: true, seq: outcome.seq } : toAck(outcome.error, language);
  }

  /** Facts that come from outside the room's commands (the REST state machine), retried while the database is away. */
  async record(sessionId: string, actorKey: string, facts: RoomFact[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await new Promise<Outcome>((answer) =>
        this.pipeline.run(sessionId, { actorKey, commandId: null, decide: () => facts, answer }),
      );
      if (outcome.ok) return;
      const transient = outcome.error instanceof DomainError && outcome.error.code === 'UNAVAILABLE';
      if (!transient || attempt >= RECORD_RETRY_MS.length) throw outcome.error;
      await new Promise((r) => setTimeout(r, RECORD_RETRY_MS[attempt]));
    }
  }

  connect(runtime: RoomRuntime, participant: Participant, socketId: string): void {
    this.presence.connect(runtime, participant, socketId);
  }

  disconnect(runtime: RoomRuntime, key: string, socketId: string, lastSeenAt?: number): void {
    this.presence.disconnect(runtime, key, socketId, lastSeenAt);
    if (lowerHandOfAbsent(runtime.room, key).length) this.lowerHandLater(runtime.room.sessionId, key);
  }

  /** Gone from every instance with a hand raised: the hand is lowered unless they come back in time. */
  private lowerHandLater(sessionId: string, key: string): void {
    const lower = async () => {
      const runtime = await this.cache.held(sessionId);
      if (!runtime || !lowerHandOfAbsent(runtime.room, key).length) return;
      await new Promise<Outcome>((answer) =>
        this.pipeline.run(sessionId, {
          actorKey: key,
          commandId: null,
          decide: (room) => lowerHandOfAbsent(room, key),
          answer,
        }),
      );
    };
    const timer = setTimeout(
      () =>
        void lower().catch((e) =>
          this.logger.warn(`lowering the hand of ${key} in ${sessionId}: ${(e as Error).message}`),
        ),
      HAND_KEPT_AWAY_MS,
    );
    timer.unref();
  }

  /** What one participant may see of the room now (what is stored, never a round in flight). */
  snapshot(runtime: RoomRuntime, key: string, audience: Audience) {
    return snapshotFor(runtime.room, { key, audience });
  }

  /** Forgets the kept copy of a room: the next access rebuilds it from the fact log. */
  unload(sessionId: string): void {
    this.cache.unload(sessionId);
  }

  private async run<N extends LiveCommandName>(
    actor: LiveActor,
    name: N,
    payload: LiveCommand<N>,
    commandId: string,
  ): Promise<Outcome> {
    const { sessionId } = payload;
    let decks = new Map<string, number>();
    let runtime: RoomRuntime;
    try {
      runtime = await this.open(sessionId);
      if (name === 'slide:go') decks = await this.readyDecks(sessionId);
    } catch (error) {
      return { ok: false, error };
    }
    return new Promise<Outcome>((answer) =>
      this.pipeline.run(sessionId, {
        actorKey: actor.key,
        commandId,
        decide: (room, now) =>
          decide(room, actor, { name, payload } as LiveRoomCommand, {
            now,
            newId: randomUUID,
            decks,
            presenterIds: runtime.presenterIds,
          }),
        answer,
      }),
    );
  }

  private async readyDecks(sessionId: string): Promise<Map<string, number>> {
    const decks = await this.prisma.deck.findMany({
      where: { sessionId, status: 'ready' },
      select: { id: true, pageCount: true },
    });
    return new Map(decks.map((d) => [d.id, d.pageCount ?? 0]));
  }
}
