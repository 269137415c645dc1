import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { LiveAck, Participant } from '@hallbridge/contracts';
import { DomainError, type StoredFact } from '@hallbridge/domain';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { DeckEvents } from '../slides/deck-events';
import { InMemoryLiveRooms } from './in-memory-live-rooms';
import { LiveFactEvents } from './live-fact-events';
import { LiveFactStore } from './live-fact.store';
import { PresenceEvents } from './presence-events';
import type { RoomRuntime } from './room-runtime';
import { SessionLifecycle } from './session-lifecycle';

const CHANNEL = 'hb:live';
const lockKey = (sessionId: string) => `hb:live:${sessionId}:lock`;
const seqKey = (sessionId: string) => `hb:live:${sessionId}:seq`;
const resultKey = (sessionId: string, commandId: string) => `hb:live:${sessionId}:cmd:${commandId}`;

/** A turn is given up if it has not ended in this time (an instance that died holding it). */
const LOCK_MS = 30_000;
const WAIT_FOR_LOCK_MS = 15_000;
/** Answers to commands are kept this long, so a retry on any instance gets the same answer. */
const RESULT_TTL_S = 600;
/** Every instance says who is connected to it this often; one silent for 3 periods is gone. */
const PRESENCE_EVERY_MS = 5_000;

/** Releases the lock only if it is still ours, recording the room's sequence number (when known) with it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  if ARGV[2] ~= '' then redis.call('set', KEYS[2], ARGV[2]) end
  return redis.call('del', KEYS[1])
end
return 0`;

type Message =
  | { type: 'facts'; from: string; sessionId: string; facts: StoredFact[] }
  | {
      type: 'presence';
      from: string;
      sessionId: string;
      /** With their number of connections on the sending instance. */
      participants: Participant[];
      /** No longer connected to the sending instance. */
      gone: string[];
      /** `participants` is everyone connected to the sending instance. */
      full: boolean;
    }
  | { type: 'hello'; from: string; sessionId: string };

interface Waiting {
  commandId: string | null;
  change: (runtime: RoomRuntime) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Live rooms shared by several app instances through Redis (`REDIS_URL`). Every instance keeps a
 * copy of the rooms its sockets use; the copies stay identical because changes take turns:
 *
 * - An instance that has commands for a room takes the room's lock in Redis, brings its copy up to
 *   the sequence number recorded there (reading what it missed from the fact log), then runs all
 *   the commands it has queued for the room (their facts are stored together, as in one process),
 *   publishes the facts, and releases the lock with the new sequence number. Facts and socket.io
 *   broadcasts (the Redis adapter) go out on one connection before the release, so every instance
 *   and every client sees the room's events in sequence order.
 * - Other instances apply published facts to their copy (reading the fact log at a gap).
 * - Answers to commands are kept in Redis, so a command retried on another instance runs once.
 * - Presence: each instance announces its own connections; copies add up every instance's count.
 *   An instance that stops announcing (it died) is forgotten after three periods.
 */
@Injectable()
export class RedisLiveRooms extends InMemoryLiveRooms implements OnApplicationShutdown {
  private readonly instance = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly queues = new Map<string, Waiting[]>();
  /** One chain per room for applying what others did, so nothing is applied twice. */
  private readonly syncing = new Map<string, Promise<unknown>>();
  /** instance → when it last announced its presence. */
  private readonly heardFrom = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    prisma: PrismaService,
    store: LiveFactStore,
    lifecycle: SessionLifecycle,
    deckEvents: DeckEvents,
    presence: PresenceEvents,
    factEvents: LiveFactEvents,
  ) {
    super(prisma, store, lifecycle, deckEvents, presence, factEvents);
    this.pub = new Redis(config.redisUrl!, { maxRetriesPerRequest: 3 });
    this.sub = this.pub.duplicate();
    const logger = new Logger('LiveRooms');
    for (const client of [this.pub, this.sub])
      client.on('error', (error: Error) => logger.warn(`redis: ${error.message}`));
    void this.sub.subscribe(CHANNEL);
    this.sub.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      try {
        this.heard(JSON.parse(text) as Message);
      } catch (error) {
        logger.warn(`ignored a message on ${CHANNEL}: ${(error as Error).message}`);
      }
    });
    this.timer = setInterval(() => void this.announceAll(), PRESENCE_EVERY_MS);
    this.timer.unref();
  }

  override attach(server: Server): void {
    // Broadcasts reach the sockets of every instance; the same connections carry the facts.
    server.adapter(createAdapter(this.pub, this.sub));
    super.attach(server);
  }

  override async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await super.onModuleDestroy();
  }

  /** After the socket.io server (and its adapter, which uses these connections) has closed. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  override open(sessionId: string): Promise<RoomRuntime> {
    const known = this.held(sessionId);
    const room = super.open(sessionId);
    // A room this instance did not hold yet: ask the others who is connected to them.
    if (!known)
      void room.then(
        () => this.publish({ type: 'hello', from: this.instance, sessionId }),
        () => {},
      );
    return room;
  }

  // ---- turns ---------------------------------------------------------------------------------

  protected override exclusive<T>(
    sessionId: string,
    commandId: string | null,
    change: (runtime: RoomRuntime) => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiting = { commandId, change, resolve, reject } as Waiting;
      const queue = this.queues.get(sessionId);
      if (queue) return void queue.push(waiting);
      this.queues.set(sessionId, [waiting]);
      void this.takeTurns(sessionId);
    });
  }

  private async takeTurns(sessionId: string): Promise<void> {
    const queue = this.queues.get(sessionId)!;
    while (queue.length) {
      const batch = queue.splice(0);
      const token = randomUUID();
      let runtime: RoomRuntime | null = null;
      try {
        await this.lock(sessionId, token);
        runtime = await this.catchUp(sessionId, Number((await this.pub.get(seqKey(sessionId))) ?? 0));
        await this.run(runtime, batch);
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      } finally {
        // Same connection as the facts and broadcasts just published: they go out first.
        await this.pub
          .eval(RELEASE, 2, lockKey(sessionId), seqKey(sessionId), token, runtime?.room.seq ?? '')
          .catch(() => undefined);
      }
    }
    this.queues.delete(sessionId);
  }

  /** Runs a turn's changes; a command already answered (on any instance) gets that answer again. */
  private async run(runtime: RoomRuntime, batch: Waiting[]): Promise<void> {
    const sessionId = runtime.room.sessionId;
    const ids = batch.map((w) => w.commandId).filter((id): id is string => id !== null);
    const answered = new Map<string, LiveAck>();
    if (ids.length) {
      const stored = await this.pub.mget(ids.map((id) => resultKey(sessionId, id)));
      ids.forEach((id, i) => stored[i] && answered.set(id, JSON.parse(stored[i]) as LiveAck));
    }
    const results = await Promise.allSettled(
      batch.map((w) => {
        const earlier = w.commandId ? answered.get(w.commandId) : undefined;
        return earlier ? Promise.resolve(earlier) : w.change(runtime);
      }),
    );
    const keep = this.pub.multi();
    batch.forEach((w, i) => {
      const result = results[i]!;
      if (result.status === 'rejected') return w.reject(result.reason);
      if (w.commandId && !answered.has(w.commandId))
        keep.set(resultKey(sessionId, w.commandId), JSON.stringify(result.value), 'EX', RESULT_TTL_S);
      w.resolve(result.value);
    });
    await keep.exec();
  }

  private async lock(sessionId: string, token: string): Promise<void> {
    const deadline = Date.now() + WAIT_FOR_LOCK_MS;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if ((await this.pub.set(lockKey(sessionId), token, 'PX', LOCK_MS, 'NX')) === 'OK') return;
      if (Date.now() > deadline) throw new DomainError('INTERNAL');
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  // ---- what other instances did --------------------------------------------------------------

  protected override committed(sessionId: string, stored: StoredFact[]): void {
    this.publish({ type: 'facts', from: this.instance, sessionId, facts: stored });
  }

  /** The room brought up to `seq` at least: facts missed are read from the fact log. */
  private catchUp(sessionId: string, seq: number, facts: StoredFact[] = []): Promise<RoomRuntime> {
    return this.inOrder(sessionId, async () => {
      const runtime = await this.open(sessionId);
      if (!this.replay(runtime, facts) || runtime.room.seq < seq)
        this.replay(runtime, await this.store.load(sessionId, runtime.room.seq));
      return runtime;
    });
  }

  private inOrder<T>(sessionId: string, step: () => Promise<T>): Promise<T> {
    const next = (this.syncing.get(sessionId) ?? Promise.resolve()).then(step);
    const settled = next.catch(() => undefined);
    this.syncing.set(sessionId, settled);
    void settled.then(() => this.syncing.get(sessionId) === settled && this.syncing.delete(sessionId));
    return next;
  }

  private heard(message: Message): void {
    if (message.from === this.instance) return;
    const room = this.held(message.sessionId);
    if (!room) return;
    switch (message.type) {
      case 'facts': {
        const last = message.facts.at(-1)?.seq ?? 0;
        void this.catchUp(message.sessionId, last, message.facts).catch(() => undefined);
        break;
      }
      case 'presence':
        this.heardFrom.set(message.from, Date.now());
        void room.then(
          (runtime) => this.theirPresence(runtime, message),
          () => {},
        );
        break;
      case 'hello':
        void room.then(
          (runtime) => this.announce(runtime),
          () => {},
        );
        break;
    }
  }

  // ---- presence ------------------------------------------------------------------------------

  protected override localPresenceChanged(runtime: RoomRuntime, key: string): void {
    const here = runtime.room.participants.get(key);
    const count = runtime.sockets.get(key)?.size ?? 0;
    this.publish({
      type: 'presence',
      from: this.instance,
      sessionId: runtime.room.sessionId,
      participants: here && count > 0 ? [{ ...here, connections: count }] : [],
      gone: here && count > 0 ? [] : [key],
      full: false,
    });
  }

  /** Another instance's connections: all of them (`full`) or one participant's change. */
  private theirPresence(runtime: RoomRuntime, message: Extract<Message, { type: 'presence' }>): void {
    let there = runtime.elsewhere.get(message.from);
    if (!there) runtime.elsewhere.set(message.from, (there = new Map()));
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
    const silentSince = Date.now() - 3 * PRESENCE_EVERY_MS;
    for (const [instance, at] of this.heardFrom) if (at < silentSince) this.heardFrom.delete(instance);
    for (const sessionId of this.heldRooms()) {
      const runtime = await this.held(sessionId)?.catch(() => null);
      if (!runtime) continue;
      this.announce(runtime);
      for (const instance of [...runtime.elsewhere.keys()])
        if (!this.heardFrom.has(instance)) {
          const keys = [...runtime.elsewhere.get(instance)!.keys()];
          runtime.elsewhere.delete(instance);
          for (const key of keys) this.recount(runtime, key, null, true);
        }
    }
  }

  private announce(runtime: RoomRuntime): void {
    const participants = [...runtime.sockets].flatMap(([key, sockets]) => {
      const p = runtime.room.participants.get(key);
      return p ? [{ ...p, connections: sockets.size }] : [];
    });
    this.publish({
      type: 'presence',
      from: this.instance,
      sessionId: runtime.room.sessionId,
      participants,
      gone: [],
      full: true,
    });
  }

  private publish(message: Message): void {
    void this.pub.publish(CHANNEL, JSON.stringify(message)).catch(() => undefined);
  }
}
