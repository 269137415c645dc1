import { DomainError } from '../domain-error';

/**
 * Failed sign-ins slow the next attempt down instead of locking anyone out: past `freeFailures`
 * failures for a key, each further attempt waits twice as long as the last (`baseDelayMs`, then
 * ×2, up to `maxDelayMs`) after the latest failure. Failures older than `forgetAfterMs` are
 * forgotten; a success forgets the key. At most `maxKeys` keys are remembered (oldest dropped), so
 * a flood of invented usernames cannot grow memory without bound.
 */
export interface BackoffPolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  maxKeys?: number;
}

interface Failures {
  count: number;
  last: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const f = this.current(key);
    if (!f || f.count < this.policy.freeFailures) return 0;
    return Math.max(0, f.last + this.delayAfter(f.count) - this.now());
  }

  /** The wait after `count` failures (0 while they are free). */
  delayAfter(count: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.policy;
    if (count < freeFailures) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, count - freeFailures));
  }

  recordFailure(key: string): void {
    const f = this.current(key);
    this.failures.delete(key);
    this.failures.set(key, { count: (f?.count ?? 0) + 1, last: this.now() });
    const max = this.policy.maxKeys ?? 100_000;
    while (this.failures.size > max) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string): Failures | undefined {
    const f = this.failures.get(key);
    if (f && this.now() - f.last > this.policy.forgetAfterMs) {
      this.failures.delete(key);
      return undefined;
    }
    return f;
  }
}

/**
 * Addresses an account has signed in from: the account-wide throttle leaves them alone, so an
 * attacker hammering an account from elsewhere slows down only strangers, never its owner.
 */
export class KnownAddresses {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly rememberMs: number,
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(account: string, address: string): void {
    const key = `${account}\u0000${address}`;
    this.seen.delete(key);
    this.seen.set(key, this.now());
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
  }

  knows(account: string, address: string): boolean {
    const at = this.seen.get(`${account}\u0000${address}`);
    return at !== undefined && this.now() - at <= this.rememberMs;
  }
}

/** The refusal while a key waits: minutes for the message, seconds for the Retry-After header. */
export const tooManyAttempts = (waitMs: number) =>
  new DomainError('TOO_MANY_ATTEMPTS', {
    minutes: Math.max(1, Math.ceil(waitMs / 60_000)),
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
