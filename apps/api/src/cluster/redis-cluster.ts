import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError } from '@hallbridge/domain';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import { ClusterBus } from './cluster-bus';
import { RoomLocks, type SeqHint, type Turn } from './room-locks';

const logger = new Logger('Redis');

/**
 * The two connections every instance keeps to Redis: `pub` for commands, publishing, locks and
 * the socket.io adapter's broadcasts (one connection, so a room's facts, its broadcasts and the
 * release of its lock leave in that order), `sub` for subscriptions. ioredis reconnects by itself.
 */
export class RedisConnections implements OnApplicationShutdown {
  readonly pub: Redis;
  readonly sub: Redis;

  constructor(url: string) {
    // A command waits through at most one reconnection attempt, then fails: callers refuse what
    // they cannot do safely instead of hanging.
    this.pub = new Redis(url, { maxRetriesPerRequest: 1 });
    this.sub = this.pub.duplicate();
    for (const [name, client] of [
      ['pub', this.pub],
      ['sub', this.sub],
    ] as const) {
      client.on('error', (error: Error) => logger.warn(`${name}: ${error.message}`));
      client.on('ready', () => logger.log(`${name}: connected`));
    }
  }

  ready(): boolean {
    return this.pub.status === 'ready';
  }

  /** Both connections are up (what health reports: without `sub`, other instances' news is missed). */
  bothReady(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** After the socket.io server (whose adapter uses these connections) has closed. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}

/** Failed fire-and-forget calls are logged at most this often per connection (not once per broadcast). */
const QUIET_MS = 5000;

/**
 * The connection as seen by a caller that does not wait for `methods`' promises: the same client,
 * with those calls' failures logged (a broadcast lost while Redis is away, as socket.io's own
 * adapter would lose it) instead of left unhandled.
 */
function catching(client: Redis, methods: string[]): Redis {
  let loggedAt = 0;
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!wrapped.has(prop)) {
        const call = (...args: unknown[]) => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!methods.includes(String(prop)) || typeof (result as Promise<unknown>)?.catch !== 'function')
            return result;
          return (result as Promise<unknown>).catch((error: Error) => {
            if (Date.now() - loggedAt > QUIET_MS) logger.warn(`${String(prop)} failed: ${error.message}`);
            loggedAt = Date.now();
            return 0;
          });
        };
        wrapped.set(prop, call);
      }
      return wrapped.get(prop);
    },
  });
}

const BUS = 'hb:bus';

interface Envelope {
  topic: string;
  from: string;
  message: unknown;
}

export class RedisBus extends ClusterBus {
  private readonly handlers = new Map<string, ((message: unknown, from: string) => void)[]>();
  private readonly reconnected: (() => void)[] = [];

  constructor(private readonly redis: RedisConnections) {
    super();
    // Messages published while the subscriber was away are lost: tell whoever acts on them.
    let connectedBefore = false;
    redis.sub.on('ready', () => {
      if (connectedBefore)
        for (const handler of this.reconnected)
          try {
            handler();
          } catch (error) {
            logger.warn(`after reconnecting: ${(error as Error).message}`);
          }
      connectedBefore = true;
    });
    // ioredis subscribes again by itself after reconnecting.
    void redis.sub.subscribe(BUS).catch((e: Error) => logger.warn(`subscribing: ${e.message}`));
    redis.sub.on('message', (channel: string, text: string) => {
      if (channel !== BUS) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(text) as Envelope;
      } catch {
        return logger.warn(`ignored a message on ${BUS} that is not JSON`);
      }
      if (envelope.from === this.instanceId) return;
      for (const handler of this.handlers.get(envelope.topic) ?? [])
        try {
          handler(envelope.message, envelope.from);
        } catch (error) {
          logger.warn(`handling ${envelope.topic}: ${(error as Error).message}`);
        }
    });
  }

  attach(server: Server): void {
    // The adapter fires its publishes and subscriptions without waiting for them: while Redis is
    // away each would reject with nobody to catch it, and an unhandled rejection stops Node. It
    // gets views of the same two connections (order is kept) whose calls log instead.
    server.adapter(
      createAdapter(
        catching(this.redis.pub, ['publish', 'spublish']),
        catching(this.redis.sub, ['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe']),
      ),
    );
  }

  onReconnect(handler: () => void): void {
    this.reconnected.push(handler);
  }

  protected async send(topic: string, message: unknown): Promise<void> {
    const envelope: Envelope = { topic, from: this.instanceId, message };
    // Redis has handed a message to every subscriber when it answers PUBLISH.
    await this.redis.pub.publish(BUS, JSON.stringify(envelope)).catch(() => undefined);
  }

  protected listen(topic: string, handler: (message: unknown, from: string) => void): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }
}

const lockKey = (sessionId: string) => `hb:live:${sessionId}:lock`;
const seqKey = (sessionId: string) => `hb:live:${sessionId}:seq`;

/** A turn's lock lapses this long after its holder stops renewing it (an instance that died). */
export const LOCK_MS = 5_000;
const RENEW_MS = 1_500;
/** Waiting longer than a lapsed lock takes to expire, then the room is refused as unavailable. */
const WAIT_FOR_LOCK_MS = 8_000;
/** A room's recorded sequence number is kept this long after its last turn. */
const SEQ_TTL_S = 24 * 3600;

/** Takes the lock and reads the recorded sequence number: {1, seq|false} or {0}. */
const ACQUIRE = `if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  return {1, redis.call('get', KEYS[2])}
end
return {0}`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;
/** Releases the lock only if it is still ours, recording the room's sequence number (when given). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  if ARGV[2] ~= '' then redis.call('set', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
  return redis.call('del', KEYS[1])
end
return 0`;

const unavailable = () => new DomainError('UNAVAILABLE');

/**
 * Turns through a per-room lock in Redis (`SET NX PX`, renewed while the turn runs, released by a
 * compare-and-delete that records the sequence number). Without Redis nothing can be changed
 * safely, so a turn is refused at once rather than waited for. The database's primary key on
 * (session, seq) remains the last guard: a turn whose lock lapsed and raced another fails to store.
 */
export class RedisRoomLocks extends RoomLocks {
  constructor(private readonly redis: RedisConnections) {
    super();
  }

  async turn<T>(sessionId: string, turn: (since: SeqHint) => Promise<Turn<T>>): Promise<T> {
    const token = randomUUID();
    const recorded = await this.acquire(sessionId, token);
    const renewal = setInterval(
      () => void this.redis.pub.eval(RENEW, 1, lockKey(sessionId), token, LOCK_MS).catch(() => undefined),
      RENEW_MS,
    );
    let seq: number | null = null;
    try {
      const done = await turn(recorded === null ? { kind: 'unknown' } : { kind: 'recorded', seq: recorded });
      seq = done.seq;
      return done.value;
    } finally {
      clearInterval(renewal);
      // Same connection as the facts and broadcasts just published: they go out first.
      await this.redis.pub
        .eval(RELEASE, 2, lockKey(sessionId), seqKey(sessionId), token, seq ?? '', SEQ_TTL_S)
        .catch(() => undefined);
    }
  }

  private async acquire(sessionId: string, token: string): Promise<number | null> {
    const deadline = Date.now() + WAIT_FOR_LOCK_MS;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if (!this.redis.ready()) throw unavailable();
      const [taken, seq] = (await this.redis.pub
        .eval(ACQUIRE, 2, lockKey(sessionId), seqKey(sessionId), token, LOCK_MS)
        .catch(() => {
          throw unavailable();
        })) as [number, string | null | undefined];
      if (taken === 1) return seq ? Number(seq) : null;
      if (Date.now() > deadline) throw unavailable();
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
