import { z } from 'zod';

// ---- the text rule ----------------------------------------------------------------------------
// Every string a client sends goes through one of the helpers below, so the same rule holds for
// every REST body, query, path parameter and socket payload: text is stored NFC; NUL and other
// control characters are refused (line breaks and tabs only where multi-line text is allowed);
// a lone surrogate (which PostgreSQL refuses in JSON and UTF-8 cannot carry) is refused; and a
// name made only of invisible characters (zero-width, bidi controls, fillers) counts as empty.

/** C0 and C1 control characters and DEL, except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Characters that break a line or a cell: allowed only in multi-line text. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Whitespace, format characters (zero-width, bidi controls, BOM), combining marks and fillers. */
const INVISIBLE = /[\s\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

export type TextProblem = 'control_character' | 'line_break' | 'lone_surrogate' | 'invisible';

/** What is wrong with a piece of text under the rule, or null. */
export function textProblem(value: string, multiline = false): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  if (CONTROL.test(value)) return 'control_character';
  if (!multiline && LINE_BREAK.test(value)) return 'line_break';
  if (value !== '' && value.replace(INVISIBLE, '') === '') return 'invisible';
  return null;
}

const problemMessages: Record<TextProblem, string> = {
  control_character: 'must not contain control characters (such as NUL)',
  line_break: 'must be on one line (no line breaks or tabs)',
  lone_surrogate: 'contains an invalid character (an unpaired surrogate)',
  invisible: 'has no visible characters',
};

export interface TextOptions {
  /** Line breaks and tabs allowed (descriptions, notes, questions, chat); CRLF is stored as LF. */
  multiline?: boolean;
}

/** A string under the text rule: NFC, trimmed, checked; the field's own limits come after. */
export function cleanString({ multiline = false }: TextOptions = {}) {
  const base = z.string().normalize('NFC');
  return (multiline ? base.overwrite((v) => v.replace(/\r\n?/g, '\n')) : base)
    .trim()
    .superRefine((v, ctx) => {
      const problem = textProblem(v, multiline);
      if (problem)
        ctx.addIssue({ code: 'custom', message: problemMessages[problem], params: { rule: problem } });
    });
}

/** Trimmed, non-empty text of bounded length (user-typed names, titles). */
export const Text = (max: number, options?: TextOptions) => cleanString(options).min(1).max(max);

/** Text that may be left out or empty (stored as null). */
export const OptionalText = (max: number, options?: TextOptions) =>
  cleanString(options)
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullish();

/**
 * Something the client holds but nobody reads (a password): checked for control characters and
 * broken surrogates, otherwise kept exactly as typed (no trimming, no normalisation).
 */
export const Secret = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((v, ctx) => {
      const problem = LONE_SURROGATE.test(v)
        ? 'lone_surrogate'
        : CONTROL.test(v)
          ? 'control_character'
          : null;
      if (problem)
        ctx.addIssue({ code: 'custom', message: problemMessages[problem], params: { rule: problem } });
    });

/** A machine-made key (ids of options, command ids): letters, digits and `._:-` only. */
export const Key = (max: number, min = 1) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9._:-]*$/, 'use letters, digits, dot, colon, dash or underscore');

// ---- ids, dates, common enums -----------------------------------------------------------------

/** Database ids (cuid or UUID) and room-made ids; a `%00` or a path in an id is refused up front. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an id of letters, digits, dash or underscore');
export type Id = z.infer<typeof Id>;

export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Role = z.enum(['organiser', 'presenter', 'secretary', 'member', 'site']);
export type Role = z.infer<typeof Role>;

/** Staff roles sign in with a password; members join by link, sites by device pairing. */
export const StaffRole = z.enum(['organiser', 'presenter', 'secretary']);
export type StaffRole = z.infer<typeof StaffRole>;

/** Years a date may fall in: anything else is a typo or an attack (year 0000 breaks PostgreSQL). */
export const SANE_YEARS = { min: 2000, max: 2100 } as const;

export const IsoDateTime = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= SANE_YEARS.min && year <= SANE_YEARS.max;
  },
  { message: `a date between ${SANE_YEARS.min} and ${SANE_YEARS.max}` },
);

export const IdParam = z.object({ id: Id });

/** A person's name as typed: Unicode NFC (so composed and decomposed Vietnamese match) and single spaces. */
export const PersonName = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(Text(120));
