import { z } from 'zod';
import { Id, Key, Locale, Role, Secret, Text } from './common';

export const LoginBody = z
  .object({
    username: Text(64),
    password: Secret(200).min(1),
  })
  .meta({ id: 'LoginBody' });
export type LoginBody = z.infer<typeof LoginBody>;

export const Principal = z
  .object({
    role: Role,
    /** Staff account id (organiser, presenter, secretary). */
    userId: Id.nullable(),
    /** Roster entry of a member (or of a staff account linked to one). */
    memberId: Id.nullable(),
    siteId: Id.nullable(),
    /** The unit whose subtree this principal may see or manage. */
    unitId: Id,
    unitName: z.string(),
    displayName: z.string(),
    locale: Locale,
  })
  .meta({ id: 'Principal' });
export type Principal = z.infer<typeof Principal>;

export const AuthResult = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    principal: Principal,
  })
  .meta({ id: 'AuthResult' });
export type AuthResult = z.infer<typeof AuthResult>;

/** A member opens their personal join link; the link token is exchanged for a session token. */
export const JoinBody = z.object({ token: Key(2000, 10) }).meta({ id: 'JoinBody' });
export type JoinBody = z.infer<typeof JoinBody>;

export const JoinResult = AuthResult.extend({ sessionId: Id }).meta({ id: 'JoinResult' });
export type JoinResult = z.infer<typeof JoinResult>;

/** A site device pairs by typing the short code shown to the organiser or secretary. */
export const PairBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{8}$/, 'the pairing code has 8 digits'),
  })
  .meta({ id: 'PairBody' });
export type PairBody = z.infer<typeof PairBody>;
