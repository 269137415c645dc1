import { z } from 'zod';
import { Text } from './common';
import { CreateUserBody } from './users';

/** First run: an empty install creates its top unit and first organiser. */
export const SetupStatus = z.object({ needed: z.boolean() }).meta({ id: 'SetupStatus' });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const SetupBody = z
  .object({
    organisationName: Text(200),
    organisationCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{2,32}$/, 'use 2-32 letters, digits, dot, dash or underscore'),
    username: CreateUserBody.shape.username,
    password: CreateUserBody.shape.password,
    displayName: Text(120),
  })
  .meta({ id: 'SetupBody' });
export type SetupBody = z.infer<typeof SetupBody>;
