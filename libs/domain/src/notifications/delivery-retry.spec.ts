import { afterFailure, httpIsPermanent, MAX_ATTEMPTS, retryDelayMs, smtpIsPermanent } from './delivery-retry';

const MIN = 60_000;
const now = new Date('2026-12-05T09:00:00Z');
const far = new Date('2026-12-30T00:00:00Z');

describe('delivery retries', () => {
  it('backs off 1, 5, 25 minutes, then every two hours', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, MIN) / MIN)).toEqual([1, 5, 25, 120, 120]);
  });

  it('retries a passing failure until the attempts run out', () => {
    expect(afterFailure({ permanent: false }, 1, far, now, MIN)).toEqual({
      retry: true,
      at: new Date(now.getTime() + MIN),
    });
    expect(afterFailure({ permanent: false }, MAX_ATTEMPTS - 1, far, now, MIN).retry).toBe(true);
    expect(afterFailure({ permanent: false }, MAX_ATTEMPTS, far, now, MIN)).toEqual({
      retry: false,
      why: 'exhausted',
    });
  });

  it('does not retry a permanent refusal, nor past the message expiry', () => {
    expect(afterFailure({ permanent: true }, 1, far, now, MIN)).toEqual({ retry: false, why: 'permanent' });
    expect(afterFailure({ permanent: false }, 3, new Date(now.getTime() + 10 * MIN), now, MIN)).toEqual({
      retry: false,
      why: 'expired',
    });
  });

  it('tells permanent refusals of SMTP and HTTP from passing ones', () => {
    expect([550, 553, 451, 421, undefined].map(smtpIsPermanent)).toEqual([true, true, false, false, false]);
    expect([400, 401, 404, 408, 429, 500, 503].map(httpIsPermanent)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
