import { vi } from '@hallbridge/i18n';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from './http';

/**
 * A failure as a sentence for the user. Messages without parameters come from our own catalogue;
 * those with parameters (minutes to wait, the conflicting value, a file limit) are the server's
 * message, which it already translated for the caller's language.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('errors.INTERNAL');
  if (error.status === 0) return error.message;
  if (error.code === 'VALIDATION_FAILED' && error.issues.length > 0) return t('form.checkFields');
  // Codes are added to the contract and the catalogue separately; an unknown one falls back to the server's text.
  const known = error.code in vi.errors ? (error.code as keyof typeof vi.errors) : null;
  if (known && !vi.errors[known].includes('{{')) return t(`errors.${known}`);
  return error.message || t('errors.INTERNAL');
}

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => errorText(t, error), [t]);
}

export const isApiError = (error: unknown, code?: ApiRequestError['code']): error is ApiRequestError =>
  error instanceof ApiRequestError && (code === undefined || error.code === code);
