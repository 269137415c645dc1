import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Role = z.enum(['organiser', 'presenter', 'secretary', 'member', 'site']);
export type Role = z.infer<typeof Role>;

/** Staff roles sign in with a password; members join by link, sites by device pairing. */
export const StaffRole = z.enum(['organiser', 'presenter', 'secretary']);
export type StaffRole = z.infer<typeof StaffRole>;

export const IsoDateTime = z.iso.datetime({ offset: true });

/** Trimmed, non-empty text of bounded length (user-typed names, titles). */
export const Text = (max: number) => z.string().trim().min(1).max(max);

export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const IdParam = z.object({ id: Id });

/** A person's name as typed: Unicode NFC (so composed and decomposed Vietnamese match) and single spaces. */
export const PersonName = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(120));
