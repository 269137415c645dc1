import { LoginThrottle } from './login-throttle';

describe('login throttle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle({ maxFailures: 3, windowMs: 60_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('locks a key after the allowed failures and frees it when the window passes', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs('alice')).toBe(0);
      t.recordFailure('alice');
      now += 1000;
    }
    expect(t.retryAfterMs('alice')).toBe(57_000);
    expect(t.retryAfterMs('bob')).toBe(0);
    now += 57_000;
    expect(t.retryAfterMs('alice')).toBe(0);
  });

  it('forgets failures after a successful sign-in', () => {
    const t = throttle();
    t.recordFailure('alice');
    t.recordFailure('alice');
    t.recordSuccess('alice');
    t.recordFailure('alice');
    t.recordFailure('alice');
    expect(t.retryAfterMs('alice')).toBe(0);
  });
});
