import type { ErrorCode } from '@hallbridge/contracts';
import { vi } from '@hallbridge/i18n';
import type { TFunction } from 'i18next';

/**
 * A refused command or closed room as a sentence: our own catalogue for messages without
 * parameters, otherwise the server's message (already in the viewer's language).
 */
export function ackErrorText(t: TFunction, failure: { code: ErrorCode; message: string }): string {
  const known = failure.code in vi.errors ? (failure.code as keyof typeof vi.errors) : null;
  if (known && !vi.errors[known].includes('{{')) return t(`errors.${known}`);
  return failure.message || t('errors.INTERNAL');
}
