import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Limit, RateLimits } from './rate-limits';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's counts (the REST limits per address) kept by RateLimits, so with REDIS_URL
 * every instance counts one address's calls together instead of each allowing the full rate.
 * Each throttler (name, window and limit) is one rate-limiter-flexible limit; a key over it is
 * refused until its window ends.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly limits = new Map<string, Limit>();

  constructor(private readonly rateLimits: RateLimits) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    const name = `rest:${throttlerName}:${ttl}:${limit}`;
    let counter = this.limits.get(name);
    if (!counter) {
      counter = this.rateLimits.limit({
        name,
        points: limit,
        perSeconds: Math.max(1, Math.ceil(ttl / 1000)),
      });
      this.limits.set(name, counter);
    }
    const taken = await counter.take(key);
    const seconds = Math.max(1, Math.ceil(taken.resetMs / 1000));
    return {
      totalHits: taken.hits,
      timeToExpire: seconds,
      isBlocked: !taken.allowed,
      timeToBlockExpire: taken.allowed ? 0 : seconds,
    };
  }
}
