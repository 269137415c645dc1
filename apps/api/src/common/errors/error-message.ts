import type { DomainError } from '@hallbridge/domain';
import { translate } from '../i18n/translate';

/**
 * The message of a DomainError in the caller's language. Parameters that name things are
 * translated too: `entity` (errors.NOT_FOUND) and `reason` (errors.CONFLICT, from `conflicts.*`).
 */
export function domainErrorMessage(error: DomainError, language: string | null | undefined): string {
  const params: Record<string, unknown> = { ...error.params };
  if (typeof params.entity === 'string') params.entity = translate(language, `entities.${params.entity}`);
  if (typeof params.reason === 'string')
    params.detail = translate(language, `conflicts.${params.reason}`, params);
  return translate(language, `errors.${error.code}`, params);
}
