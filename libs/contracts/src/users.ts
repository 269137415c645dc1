import { z } from 'zod';
import { Id, Locale, Secret, StaffRole, Text } from './common';

export const User = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: StaffRole,
    unitId: Id,
    memberId: Id.nullable(),
    locale: Locale,
    active: z.boolean(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, 'use 3-64 lowercase letters, digits, dot, dash or underscore');

export const Password = Secret(200).min(10, 'at least 10 characters');

export const CreateUserBody = z
  .object({
    username: Username,
    password: Password,
    displayName: Text(120),
    role: StaffRole,
    unitId: Id,
    memberId: Id.nullish(),
    locale: Locale.default('vi'),
  })
  .meta({ id: 'CreateUserBody' });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    displayName: Text(120).optional(),
    password: Password.optional(),
    role: StaffRole.optional(),
    unitId: Id.optional(),
    locale: Locale.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUserBody' });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;
