import { Logger } from '@nestjs/common';
import type { LiveAck } from '@hallbridge/contracts';
import { DomainError } from '@hallbridge/domain';
import { domainErrorMessage } from '../common/errors/error-message';
import { translate } from '../common/i18n/translate';
import { databaseUnreachable } from '../database/store-failure';

const logger = new Logger('LiveSocket');

/** Turns anything a socket command throws into an error acknowledgement `{ ok: false, code, message }`. */
export function toAck(error: unknown, language = 'vi'): LiveAck {
  if (error instanceof DomainError) {
    const ack: LiveAck = { ok: false, code: error.code, message: domainErrorMessage(error, language) };
    // A refusal over a rate limit says when to try again.
    const wait = error.params.retryAfterMs;
    return typeof wait === 'number' ? { ...ack, retryAfterMs: wait } : ack;
  }
  // The database is down or out of reach: nothing was done, and the client may send it again.
  if (databaseUnreachable(error)) {
    logger.warn(`live command refused, database unreachable: ${(error as Error)?.message ?? String(error)}`);
    return { ok: false, code: 'UNAVAILABLE', message: translate(language, 'errors.UNAVAILABLE') };
  }
  logger.error('live command failed', (error as Error)?.stack ?? String(error));
  return { ok: false, code: 'INTERNAL', message: translate(language, 'errors.INTERNAL') };
}
