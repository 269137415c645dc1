import type { ErrorCode } from '@hallbridge/contracts';

/**
 * A rule said no. Transports map `code` to an HTTP status or a socket error ack; `params` fill the
 * translated message (errors.<code> in the i18n catalogue).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'DomainError';
  }
}
