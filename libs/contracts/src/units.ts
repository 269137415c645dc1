import { z } from 'zod';
import { Id, OptionalText, Text } from './common';

/** Committee units hold other units; branches (chi bộ) hold members. */
export const UnitKind = z.enum(['committee', 'branch']);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z
  .object({
    id: Id,
    parentId: Id.nullable(),
    name: z.string(),
    code: z.string(),
    kind: UnitKind,
    address: z.string().nullable(),
    /** Participation target in percent (e.g. 95), used by attendance reports. */
    participationTarget: z.number(),
    memberCount: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

const UnitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{2,32}$/, 'use 2-32 letters, digits, dot, dash or underscore');

export const CreateUnitBody = z
  .object({
    parentId: Id,
    name: Text(200),
    code: UnitCode,
    kind: UnitKind,
    address: OptionalText(300),
    participationTarget: z.number().min(0).max(100).optional(),
  })
  .meta({ id: 'CreateUnitBody' });
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z
  .object({
    parentId: Id.optional(),
    name: Text(200).optional(),
    code: UnitCode.optional(),
    address: OptionalText(300),
    participationTarget: z.number().min(0).max(100).optional(),
  })
  .meta({ id: 'UpdateUnitBody' });
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;
