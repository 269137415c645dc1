import { z } from 'zod';
import { cleanString, Id, OptionalText, PersonName } from './common';

/** `exempt`: excused from regular branch activities (old age, illness); not counted as required. */
export const MemberStatus = z.enum(['active', 'exempt', 'inactive']);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const Member = z
  .object({
    id: Id,
    unitId: Id,
    unitName: z.string(),
    fullName: z.string(),
    position: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    status: MemberStatus,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

/** Spreadsheets store phone numbers as numbers and drop the leading 0; it is put back. */
export const Phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.()-]/g, ''))
  .transform((v) => (/^[35789]\d{8}$/.test(v) ? `0${v}` : v))
  .pipe(z.string().regex(/^(\+?84|0)\d{8,10}$/, 'a Vietnamese phone number such as 0912345678'));

export const MemberFields = z.object({
  fullName: PersonName,
  position: OptionalText(120),
  phone: Phone.nullish(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('an e-mail address such as ten@example.vn').max(200))
    .nullish(),
  status: MemberStatus,
});

// Defaults belong to creation only: `.partial()` keeps defaults, and an edit must not reset fields it leaves out.
export const CreateMemberBody = MemberFields.extend({
  unitId: Id,
  status: MemberStatus.default('active'),
}).meta({
  id: 'CreateMemberBody',
});
export type CreateMemberBody = z.infer<typeof CreateMemberBody>;

export const UpdateMemberBody = MemberFields.partial()
  .extend({ unitId: Id.optional() })
  .meta({ id: 'UpdateMemberBody' });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

export const MemberQuery = z.object({
  unitId: Id.optional(),
  q: cleanString().max(100).optional(),
  status: MemberStatus.optional(),
});
export type MemberQuery = z.infer<typeof MemberQuery>;

/** One problem in an uploaded roster, located the way a spreadsheet user sees it. */
export const ImportIssue = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportDuplicate = z.object({
  row: z.number().int(),
  fullName: z.string(),
  /** Another row of the same file, or an existing member. */
  matchesRow: z.number().int().nullable(),
  matchesMemberId: Id.nullable(),
  /** The existing member's name and branch, when the match is on the roster. */
  matchesMemberName: z.string().nullable(),
  matchesUnitName: z.string().nullable(),
  reason: z.enum(['same_phone', 'same_email', 'same_name_same_unit']),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicate>;

export const ImportReport = z
  .object({
    fileName: z.string(),
    rows: z.number().int(),
    valid: z.boolean(),
    imported: z.number().int(),
    dryRun: z.boolean(),
    errors: z.array(ImportIssue),
    duplicates: z.array(ImportDuplicate),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportQuery = z.object({
  /** Default unit for rows that leave the unit column empty. */
  unitId: Id.optional(),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type ImportQuery = z.infer<typeof ImportQuery>;
