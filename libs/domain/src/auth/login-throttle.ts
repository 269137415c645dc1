/**
 * Failed sign-ins are counted per key (username, and separately the client address) inside a
 * sliding window; past the limit the key is locked until the oldest failure leaves the window.
 */
export interface LoginThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly policy: LoginThrottlePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.policy.maxFailures) return 0;
    const oldest = recent[recent.length - this.policy.maxFailures]!;
    return Math.max(0, oldest + this.policy.windowMs - this.now());
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.policy.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }
}
