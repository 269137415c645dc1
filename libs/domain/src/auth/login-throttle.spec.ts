import { KnownAddresses, LoginThrottle } from './login-throttle';

describe('login throttle', () => {
  let now = 0;
  const policy = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 3600_000 };
  const throttle = () => new LoginThrottle(policy, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets the free failures through, then makes each further attempt wait twice as long', () => {
    const t = throttle();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      waits.push(t.retryAfterMs('alice'));
      now += t.retryAfterMs('alice');
      t.recordFailure('alice');
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000]);
    expect(t.retryAfterMs('bob')).toBe(0);
  });

  it('counts the wait from the latest failure, and never locks for good', () => {
    const t = throttle();
    for (let i = 0; i < 40; i++) t.recordFailure('alice');
    expect(t.retryAfterMs('alice')).toBe(60_000);
    now += 60_000;
    expect(t.retryAfterMs('alice')).toBe(0);
  });

  it('forgets failures after a successful sign-in, or after a quiet hour', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure('alice');
    t.recordSuccess('alice');
    expect(t.retryAfterMs('alice')).toBe(0);
    for (let i = 0; i < 5; i++) t.recordFailure('alice');
    now += 3600_001;
    expect(t.retryAfterMs('alice')).toBe(0);
  });

  it('remembers a bounded number of keys', () => {
    const t = new LoginThrottle({ ...policy, maxKeys: 100 }, () => now);
    for (let i = 0; i < 1000; i++) for (let j = 0; j < 3; j++) t.recordFailure(`user-${i}`);
    expect(t.retryAfterMs('user-999')).toBe(1000);
    expect(t.retryAfterMs('user-0')).toBe(0);
  });
});

describe('known addresses', () => {
  it('knows where an account signed in from, for a while', () => {
    let now = 0;
    const known = new KnownAddresses(1000, 10, () => now);
    known.remember('tochuc', '10.0.0.1');
    expect(known.knows('tochuc', '10.0.0.1')).toBe(true);
    expect(known.knows('tochuc', '10.0.0.2')).toBe(false);
    expect(known.knows('khac', '10.0.0.1')).toBe(false);
    now = 1001;
    expect(known.knows('tochuc', '10.0.0.1')).toBe(false);
  });
});
