import { z } from 'zod';

/**
 * Every failure a client can see. The web app translates `code` through the i18n catalogue
 * (`errors.<code>`); the server also sends a `message` in the caller's language.
 */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'IMPORT_INVALID',
  'PAIRING_CODE_INVALID',
  'CHECKIN_CODE_INVALID',
  'RATE_LIMITED',
  'DECK_ENCRYPTED',
  'DECK_UNREADABLE',
  'DECK_TOO_MANY_PAGES',
  'DECK_TIMEOUT',
  'OFFICE_CONVERTER_MISSING',
  'PDF_RENDERER_MISSING',
  'MEDIA_DISABLED',
  'MEDIA_UNAVAILABLE',
  'UNAVAILABLE',
  'NOT_STORED',
  'NOT_IN_ROOM',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({
  path: z.string(),
  /** zod's issue code (too_small, invalid_format, custom, …), for clients that word messages themselves. */
  code: z.string().optional(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ApiError = z.object({
  statusCode: z.number().int(),
  code: ErrorCode,
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
