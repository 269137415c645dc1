import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, type StoredFact } from '@hallbridge/domain';
import { ClusterBus, type BusChannel } from '../cluster/cluster-bus';
import type { SeqHint } from '../cluster/room-locks';
import { PrismaService } from '../database/prisma.service';
import { LiveFactStore } from './live-fact.store';
import { RoomEvents } from './room-events';
import { RoomRuntime } from './room-runtime';

/** Facts an instance stored and broadcast, for the other instances' copies of the room. */
export interface FactsMessage {
  sessionId: string;
  facts: StoredFact[];
}

/**
 * The rooms this instance keeps in memory, each the fold of its fact log, loaded on first use and
 * kept up to date with what other instances store: from their messages, and from the log itself
 * when a message is missing (a gap in the sequence, a turn finding the log ahead).
 */
@Injectable()
export class RoomCache implements OnModuleDestroy {
  private readonly logger = new Logger('LiveRooms');
  private readonly rooms = new Map<string, Promise<RoomRuntime>>();
  readonly facts: BusChannel<FactsMessage>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly store: LiveFactStore,
    private readonly events: RoomEvents,
    bus: ClusterBus,
  ) {
    this.facts = bus.channel<FactsMessage>('live.facts');
    this.facts.subscribe(({ sessionId, facts }) => {
      const room = this.rooms.get(sessionId);
      void room
        ?.then(async (runtime) => {
          if (!this.events.replay(runtime, facts, 'heard')) await this.catchUp(runtime, { kind: 'unknown' });
        })
        .catch((e) => this.logger.warn(`catching up ${sessionId}: ${(e as Error).message}`));
    });
    // Facts other instances published while the bus was away were never heard: read them from the
    // log now (and tell this instance's sockets), rather than at the room's next fact.
    bus.onReconnect(() => {
      for (const [sessionId, room] of this.rooms)
        void room
          .then((runtime) => this.catchUp(runtime, { kind: 'unknown' }))
          .catch((e) => this.logger.warn(`catching up ${sessionId}: ${(e as Error).message}`));
    });
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

  /** The room when this instance holds it already (without loading it). */
  held(sessionId: string): Promise<RoomRuntime> | undefined {
    return this.rooms.get(sessionId);
  }

  heldRooms(): string[] {
    return [...this.rooms.keys()];
  }

  /** Forgets the kept copy of a room: the next access rebuilds it from the fact log. */
  unload(sessionId: string): void {
    const room = this.rooms.get(sessionId);
    this.rooms.delete(sessionId);
    void room?.then((runtime) => runtime.dispose()).catch(() => undefined);
  }

  /** Brings the copy up to the log when the hint says it may be behind. */
  async catchUp(runtime: RoomRuntime, since: SeqHint): Promise<void> {
    if (since.kind === 'alone' || (since.kind === 'recorded' && since.seq <= runtime.room.seq)) return;
    this.events.replay(runtime, await this.store.load(runtime.room.sessionId, runtime.room.seq), 'read');
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.flush();
    for (const room of this.rooms.values()) (await room.catch(() => null))?.dispose();
  }

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
    this.events.replay(runtime, await this.store.load(sessionId), 'loaded');
    // The state machine is the source of truth for the session's state.
    runtime.room.state = session.state;
    runtime.rollBack();
    return runtime;
  }
}
