import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RedisConnections } from './redis-cluster';

export interface LimitPolicy {
  /** Names the limit in Redis keys (and in logs). */
  name: string;
  /** How many actions are allowed… */
  points: number;
  /** …per this many seconds. */
  perSeconds: number;
}

/**
 * A limit for one key: whether an action is allowed now, and if not, how long to wait; with how many
 * actions the key has taken in this window and when the window ends.
 */
export interface Limit {
  take(key: string, cost?: number): Promise<Taken>;
}
export type Taken = { hits: number; resetMs: number } & (
  { allowed: true } | { allowed: false; retryAfterMs: number }
);

/**
 * Rate limits counted for the whole deployment: in Redis when there is one (every instance sees
 * the same counts; while Redis is unreachable each instance counts on its own rather than letting
 * everything through or refusing everything), in memory otherwise. rate-limiter-flexible does the
 * counting (docs/decisions.md). A key over its limit is also blocked in this process's memory until
 * its window ends, so a flood's refusals cost no Redis round trip.
 */
export class RateLimits {
  constructor(private readonly redis: RedisConnections | null) {}

  limit(policy: LimitPolicy): Limit {
    const options = { keyPrefix: `hb:rl:${policy.name}`, points: policy.points, duration: policy.perSeconds };
    const memory = new RateLimiterMemory(options);
    const limiter: RateLimiterAbstract = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis.pub,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
          inMemoryBlockOnConsumed: policy.points,
        })
      : memory;
    return wrap(limiter);
  }

  /** A limit counted in this process only (for things that never leave it, such as one socket). */
  local(policy: LimitPolicy): Limit {
    return wrap(
      new RateLimiterMemory({
        keyPrefix: `hb:rl:${policy.name}`,
        points: policy.points,
        duration: policy.perSeconds,
      }),
    );
  }
}

function wrap(limiter: RateLimiterAbstract): Limit {
  return {
    async take(key, cost = 1) {
      try {
        const res = await limiter.consume(key, cost);
        return { allowed: true, hits: res.consumedPoints, resetMs: res.msBeforeNext };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const wait = refusal.msBeforeNext;
        return { allowed: false, retryAfterMs: wait, hits: refusal.consumedPoints, resetMs: wait };
      }
    },
  };
}
