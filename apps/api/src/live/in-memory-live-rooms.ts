import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type {
  LiveAck,
  LiveCommand,
  LiveCommandName,
  LiveEvent,
  Participant,
  PersonalUpdate,
} from '@hallbridge/contracts';
import {
  applyFact,
  decide,
  DomainError,
  participantIds,
  projectFact,
  quizScore,
  snapshotFor,
  tallyPoll,
  tallyVisible,
  type Audience,
  type LiveActor,
  type LiveRoomCommand,
  type RoomFact,
  type StoredFact,
} from '@hallbridge/domain';
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import { PrismaService } from '../database/prisma.service';
import { DeckEvents } from '../slides/deck-events';
import { LiveFactEvents } from './live-fact-events';
import { LiveFactStore } from './live-fact.store';
import { LiveRooms, personalChannel, roomChannel } from './live-rooms';
import { RoomRuntime } from './room-runtime';
import { PresenceEvents } from './presence-events';
import { SessionLifecycle } from './session-lifecycle';
import { toAck } from './socket-errors';

const TALLY_EVERY_MS = 150;
const PRESENCE_EVERY_MS = 1000;

/**
 * Holds the live rooms in this process (the embedded default, one app instance). A command is
 * decided and applied in memory at once (so the next command sees it), stored with the others of
 * its moment (group commit), and only then acknowledged and broadcast — nobody sees a change the
 * database does not have. RedisLiveRooms builds on it for several instances.
 */
@Injectable()
export class InMemoryLiveRooms extends LiveRooms implements OnModuleDestroy {
  private readonly logger = new Logger('LiveRooms');
  private readonly rooms = new Map<string, Promise<RoomRuntime>>();
  protected server: Server | null = null;

  constructor(
    private readonly prisma: PrismaService,
    protected readonly store: LiveFactStore,
    lifecycle: SessionLifecycle,
    deckEvents: DeckEvents,
    private readonly presence: PresenceEvents,
    private readonly factEvents: LiveFactEvents,
  ) {
    super();
    lifecycle.on('state', ({ sessionId, state, actorKey }) => {
      void this.record(sessionId, actorKey, [{ type: 'session.state', state }]).catch((e) =>
        this.logger.error(`recording state ${state} of ${sessionId}`, (e as Error).stack),
      );
    });
    // Conversion progress concerns those who run the room; a finished, renamed or removed deck, everyone.
    deckEvents.on('progress', (deck) =>
      this.server
        ?.to(
          deck.status === 'ready'
            ? [roomChannel(deck.sessionId, 'staff'), roomChannel(deck.sessionId, 'public')]
            : roomChannel(deck.sessionId, 'staff'),
        )
        .emit('live:deck', { deckId: deck.id, deck }),
    );
    deckEvents.on('changed', (deck) =>
      this.server
        ?.to([roomChannel(deck.sessionId, 'staff'), roomChannel(deck.sessionId, 'public')])
        .emit('live:deck', { deckId: deck.id, deck }),
    );
    deckEvents.on('removed', ({ id, sessionId }) =>
      this.server
        ?.to([roomChannel(sessionId, 'staff'), roomChannel(sessionId, 'public')])
        .emit('live:deck', { deckId: id, deck: null }),
    );
  }

  attach(server: Server): void {
    this.server = server;
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.flush();
    for (const room of this.rooms.values()) (await room.catch(() => null))?.dispose();
  }

  open(sessionId: string): Promise<RoomRuntime> {
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = this.load(sessionId);
      this.rooms.set(sessionId, room);
      room.catch(() => this.rooms.delete(sessionId));
    }
    return room;
  }

  async execute<N extends LiveCommandName>(
    actor: LiveActor,
    name: N,
    payload: LiveCommand<N>,
    language = 'vi',
  ): Promise<LiveAck> {
    const { sessionId } = payload;
    const commandId = 'commandId' in payload ? payload.commandId : randomUUID();
    return (await this.open(sessionId)).once(commandId, () =>
      this.exclusive(sessionId, commandId, async (runtime) => {
        try {
          const decks = name === 'slide:go' ? await this.readyDecks(sessionId) : new Map<string, number>();
          const facts = decide(runtime.room, actor, { name, payload } as LiveRoomCommand, {
            now: Date.now(),
            newId: randomUUID,
            decks,
            presenterIds: runtime.presenterIds,
          });
          await this.commit(runtime, actor.key, facts);
          return { ok: true, seq: runtime.room.seq } satisfies LiveAck;
        } catch (error) {
          return toAck(error, language);
        }
      }),
    );
  }

  async record(sessionId: string, actorKey: string, facts: RoomFact[]): Promise<void> {
    await this.exclusive(sessionId, null, (runtime) => this.commit(runtime, actorKey, facts));
  }

  /**
   * Runs a change of a room with nobody else changing it. In one process a change is decided and
   * applied without yielding, so nothing more is needed; several instances take turns here.
   */
  protected async exclusive<T>(
    sessionId: string,
    _commandId: string | null,
    change: (runtime: RoomRuntime) => Promise<T>,
  ): Promise<T> {
    return change(await this.open(sessionId));
  }

  /** The room when this process holds it already (without loading it). */
  protected held(sessionId: string): Promise<RoomRuntime> | undefined {
    return this.rooms.get(sessionId);
  }

  /** The sessions whose rooms this process holds. */
  protected heldRooms(): string[] {
    return [...this.rooms.keys()];
  }

  unload(sessionId: string): void {
    const room = this.rooms.get(sessionId);
    this.rooms.delete(sessionId);
    void room?.then((runtime) => runtime.dispose()).catch(() => undefined);
  }

  // ---- presence -------------------------------------------------------------------------

  connect(runtime: RoomRuntime, participant: Participant, socketId: string): void {
    let sockets = runtime.sockets.get(participant.key);
    if (!sockets) runtime.sockets.set(participant.key, (sockets = new Set()));
    sockets.add(socketId);
    const updated = this.recount(runtime, participant.key, participant, true)!;
    this.presence.emit('opened', {
      sessionId: runtime.room.sessionId,
      participant: updated,
      connectionId: socketId,
      at: Date.now(),
    });
    this.localPresenceChanged(runtime, participant.key);
  }

  disconnect(runtime: RoomRuntime, key: string, socketId: string, lastSeenAt?: number): void {
    const sockets = runtime.sockets.get(key);
    if (!sockets?.delete(socketId)) return;
    const participant = runtime.room.participants.get(key);
    if (participant)
      this.presence.emit('closed', {
        sessionId: runtime.room.sessionId,
        participant,
        connectionId: socketId,
        at: Date.now(),
        ...(lastSeenAt === undefined ? {} : { lastSeenAt }),
      });
    if (sockets.size === 0) runtime.sockets.delete(key);
    this.recount(runtime, key, participant ?? null, true);
    this.localPresenceChanged(runtime, key);
  }

  /** This process's sockets of a participant changed (other instances hear of it from here). */
  protected localPresenceChanged(_runtime: RoomRuntime, _key: string): void {}

  /**
   * Re-derives a participant's presence from their connections here and on other instances, and
   * queues the change for staff when `announce` (the instance where it happened announces it).
   * Returns the participant as now present, or null when gone.
   */
  protected recount(
    runtime: RoomRuntime,
    key: string,
    participant: Participant | null,
    announce: boolean,
  ): Participant | null {
    const known = runtime.room.participants.get(key) ?? participant;
    let connections = runtime.sockets.get(key)?.size ?? 0;
    let someone = known;
    for (const there of runtime.elsewhere.values()) {
      const p = there.get(key);
      if (!p) continue;
      connections += p.connections;
      someone ??= p;
    }
    if (connections === 0 || !someone) {
      if (!runtime.room.participants.delete(key)) return null;
      runtime.presenceUpserts.delete(key);
      runtime.presenceRemovals.add(key);
      if (announce) this.schedulePresence(runtime);
      return null;
    }
    const updated = { ...someone, connections };
    runtime.room.participants.set(key, updated);
    runtime.presenceRemovals.delete(key);
    runtime.presenceUpserts.set(key, updated);
    if (announce) this.schedulePresence(runtime);
    return updated;
  }

  // ---- internals ----------------------------------------------------------------------------

  private async load(sessionId: string): Promise<RoomRuntime> {
    const session = await this.prisma.studySession.findUnique({
      where: { id: sessionId },
      include: { hostUnit: { select: { path: true } }, presenters: { select: { userId: true } } },
    });
    if (!session) throw new DomainError('NOT_FOUND', { entity: 'session' });
    const runtime = RoomRuntime.empty(
      sessionId,
      session.state,
      session.hostUnit.path,
      session.presenters.map((p) => p.userId),
    );
    for (const stored of await this.store.load(sessionId)) applyFact(runtime.room, stored);
    // The state machine is the source of truth for the session's state.
    runtime.room.state = session.state;
    return runtime;
  }

  private async readyDecks(sessionId: string): Promise<Map<string, number>> {
    const decks = await this.prisma.deck.findMany({
      where: { sessionId, status: 'ready' },
      select: { id: true, pageCount: true },
    });
    return new Map(decks.map((d) => [d.id, d.pageCount ?? 0]));
  }

  private async commit(runtime: RoomRuntime, actorKey: string, facts: RoomFact[]): Promise<void> {
    if (facts.length === 0) return;
    const room = runtime.room;
    const at = Date.now();
    const stored = facts.map((fact, i) => ({ seq: room.seq + 1 + i, at, actorKey, fact }));
    const events = stored.map((entry) => this.apply(runtime, entry));
    try {
      await this.store.append(room.sessionId, stored);
    } catch (error) {
      // Memory is ahead of the database: drop the room so the next access reloads what was stored.
      this.unload(room.sessionId);
      this.server
        ?.to([roomChannel(room.sessionId, 'staff'), roomChannel(room.sessionId, 'public')])
        .emit('live:closed', {
          code: 'INTERNAL',
          message: 'reload',
        });
      throw error;
    }
    this.committed(room.sessionId, stored);
    for (const pair of events) {
      if (pair.staff) this.server?.to(roomChannel(room.sessionId, 'staff')).emit('live:event', pair.staff);
      if (pair.public) this.server?.to(roomChannel(room.sessionId, 'public')).emit('live:event', pair.public);
    }
    this.afterCommit(runtime, facts);
    this.factEvents.emit('committed', { sessionId: room.sessionId, facts: stored });
  }

  /** Applies one fact to the room and keeps its events (per audience) for catching up. */
  private apply(
    runtime: RoomRuntime,
    entry: StoredFact,
  ): { staff: LiveEvent | null; public: LiveEvent | null } {
    applyFact(runtime.room, entry);
    const project = (audience: Audience): LiveEvent | null => {
      const body = projectFact(runtime.room, entry.fact, audience);
      return body && { ...body, seq: entry.seq, at: entry.at };
    };
    const pair = { staff: project('staff'), public: project('public') };
    runtime.buffer.push(entry.seq, pair.staff, pair.public);
    return pair;
  }

  /** Facts stored, about to be broadcast (other instances learn of them from here). */
  protected committed(_sessionId: string, _stored: StoredFact[]): void {}

  /**
   * Facts another instance committed (and broadcast), applied to this copy of the room in order.
   * Returns false at a gap: the caller reloads what is missing from the fact log.
   */
  protected replay(runtime: RoomRuntime, entries: StoredFact[]): boolean {
    for (const entry of entries) {
      if (entry.seq <= runtime.room.seq) continue;
      if (entry.seq !== runtime.room.seq + 1) return false;
      this.apply(runtime, entry);
    }
    return true;
  }

  /** Side effects of facts beyond their events: tallies, personal updates, quiz points. */
  private afterCommit(runtime: RoomRuntime, facts: RoomFact[]): void {
    const sessionId = runtime.room.sessionId;
    for (const fact of facts) {
      switch (fact.type) {
        case 'poll.answered':
          this.personal(sessionId, fact.key, { type: 'answer', pollId: fact.pollId, answer: fact.answer });
          this.scheduleTally(runtime, fact.pollId);
          break;
        case 'poll.site-counted':
        case 'poll.opened':
          this.scheduleTally(runtime, fact.pollId);
          break;
        case 'poll.results':
          this.scheduleTally(runtime, fact.pollId);
          if (runtime.room.polls.get(fact.pollId)?.kind === 'quiz') this.sendScores(runtime);
          break;
        case 'question.voted':
          this.personal(sessionId, fact.key, { type: 'vote', questionId: fact.questionId, voted: fact.vote });
          break;
      }
    }
  }

  private personal(sessionId: string, key: string, update: PersonalUpdate): void {
    this.server?.to(personalChannel(sessionId, key)).emit('live:personal', update);
  }

  private sendScores(runtime: RoomRuntime): void {
    for (const key of runtime.room.participants.keys())
      if (participantIds(key).memberId)
        this.personal(runtime.room.sessionId, key, {
          type: 'score',
          score: quizScore(runtime.room.polls.values(), runtime.room.answers, key),
        });
  }

  /** Tallies go out at most every 150 ms per room, whatever the rate of answers. */
  private scheduleTally(runtime: RoomRuntime, pollId: string): void {
    runtime.pendingTallies.add(pollId);
    if (runtime.tallyTimer) return;
    runtime.tallyTimer = setTimeout(() => {
      runtime.tallyTimer = null;
      const room = runtime.room;
      for (const id of runtime.pendingTallies) {
        const poll = room.polls.get(id);
        if (!poll) continue;
        const tally = tallyPoll(poll, room.answers.get(id), room.siteCounts.get(id));
        this.server?.to(roomChannel(room.sessionId, 'staff')).emit('live:tally', tally);
        if (tallyVisible(poll, 'public'))
          this.server?.to(roomChannel(room.sessionId, 'public')).emit('live:tally', tally);
      }
      runtime.pendingTallies.clear();
    }, TALLY_EVERY_MS);
  }

  /** Staff get who came and went once a second; participants only the count. */
  private schedulePresence(runtime: RoomRuntime): void {
    if (runtime.presenceTimer) return;
    runtime.presenceTimer = setTimeout(() => {
      runtime.presenceTimer = null;
      const sessionId = runtime.room.sessionId;
      const count = runtime.room.participants.size;
      this.server?.to(roomChannel(sessionId, 'staff')).emit('live:presence', {
        upserted: [...runtime.presenceUpserts.values()],
        removed: [...runtime.presenceRemovals],
        count,
      });
      this.server
        ?.to(roomChannel(sessionId, 'public'))
        .emit('live:presence', { upserted: [], removed: [], count });
      runtime.presenceUpserts.clear();
      runtime.presenceRemovals.clear();
    }, PRESENCE_EVERY_MS);
  }

  snapshot(runtime: RoomRuntime, key: string, audience: Audience) {
    return snapshotFor(runtime.room, { key, audience });
  }
}
