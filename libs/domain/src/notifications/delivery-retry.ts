/**
 * Retries back off: 1, 5, 25 minutes, then every 2 hours (with `baseMs` = 1 minute), at most
 * MAX_ATTEMPTS attempts and never past the message's expiry. A permanent refusal (a mailbox that
 * does not exist, a gateway answering 4xx) is not retried.
 */
export const MAX_ATTEMPTS = 6;

export function retryDelayMs(attemptsMade: number, baseMs: number): number {
  const factor = 5 ** Math.max(0, attemptsMade - 1);
  return Math.min(baseMs * factor, baseMs * 120);
}

export type AfterFailure =
  { retry: true; at: Date } | { retry: false; why: 'permanent' | 'exhausted' | 'expired' };

export function afterFailure(
  failure: { permanent: boolean },
  attemptsMade: number,
  expiresAt: Date,
  now: Date,
  baseMs: number,
): AfterFailure {
  if (failure.permanent) return { retry: false, why: 'permanent' };
  if (attemptsMade >= MAX_ATTEMPTS) return { retry: false, why: 'exhausted' };
  const at = new Date(now.getTime() + retryDelayMs(attemptsMade, baseMs));
  return at > expiresAt ? { retry: false, why: 'expired' } : { retry: true, at };
}

/** SMTP reply codes: 5xx is a refusal for good, 4xx (and no reply at all) may pass later. */
export const smtpIsPermanent = (responseCode: number | undefined) =>
  responseCode !== undefined && responseCode >= 500 && responseCode < 600;

/** HTTP statuses of the gateway: 4xx is a refusal for good, except timeouts and rate limits. */
export const httpIsPermanent = (status: number) =>
  status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
