import type { TFunction } from 'i18next';
import { ApiRequestError } from '../api/http';

type IssueKey =
  | 'required'
  | 'tooLong'
  | 'tooSmall'
  | 'tooLarge'
  | 'passwordTooShort'
  | 'phone'
  | 'email'
  | 'code'
  | 'username'
  | 'endAfterStart'
  | 'dateTime'
  | 'pairingCode'
  | 'textInvalid'
  | 'oneLine'
  | 'invisible'
  | 'dateRange';

/** The contracts' zod messages (English, written for developers) mapped to catalogue entries. */
const patterns: [RegExp, IssueKey][] = [
  [/expected string, received (undefined|null)|expected string to have >=1 character/i, 'required'],
  [/^too big: expected string/i, 'tooLong'],
  [/^too small: expected number/i, 'tooSmall'],
  [/^too big: expected number/i, 'tooLarge'],
  [/at least 10 characters/i, 'passwordTooShort'],
  [/phone number/i, 'phone'],
  [/e-mail/i, 'email'],
  [/2-32 letters/i, 'code'],
  [/3-64 lowercase/i, 'username'],
  [/end must be after the start/i, 'endAfterStart'],
  [/datetime/i, 'dateTime'],
  [/8 digits/i, 'pairingCode'],
  // The contracts' text rule (libs/contracts/src/common.ts).
  [/control characters|unpaired surrogate/i, 'textInvalid'],
  [/on one line/i, 'oneLine'],
  [/no visible characters/i, 'invisible'],
  [/a date between/i, 'dateRange'],
];

export function issueText(t: TFunction, message: string): string {
  const hit = patterns.find(([re]) => re.test(message));
  return hit ? t(`fieldIssues.${hit[1]}`) : t('fieldIssues.invalid', { detail: message });
}

/** Field path → translated message, from a 400 response's `issues`. */
export function fieldErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError) || error.code !== 'VALIDATION_FAILED') return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path] ??= issueText(t, issue.message);
  return out;
}
