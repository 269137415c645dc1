import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hallbridge/domain';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export type TokenClaims =
  /** `ver`: the account's token version when it was issued (a password change or "sign out everywhere" retires it). */
  | { kind: 'staff'; sub: string; ver: number }
  /** `pl`: the generation of the personal link it was made from (rotating the link retires it). */
  | { kind: 'member'; sub: string; pl?: number }
  | { kind: 'site'; sub: string; gen: number };

/** Lifetimes: a working day for people, a season for a paired room screen. */
export const tokenTtlSeconds: Record<TokenClaims['kind'], number> = {
  staff: 12 * 3600,
  member: 12 * 3600,
  site: 180 * 24 * 3600,
};

/** A sign-in from a member's personal link lasts a month: rotating the link ends it sooner. */
const PERSONAL_LINK_TTL_SECONDS = 30 * 24 * 3600;

@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.authSecret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: string }> {
    const ttl =
      claims.kind === 'member' && claims.pl !== undefined
        ? PERSONAL_LINK_TTL_SECONDS
        : tokenTtlSeconds[claims.kind];
    const exp = Math.floor(Date.now() / 1000) + ttl;
    const { sub, ...rest } = claims;
    const token = await new SignJWT(rest)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(exp)
      .setIssuer('hallbridge')
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'hallbridge', algorithms: ['HS256'] });
      const kind = payload.kind;
      if (typeof payload.sub !== 'string') throw new DomainError('TOKEN_INVALID');
      // Tokens from before versions existed count as version 0, retired by the first revocation.
      if (kind === 'staff')
        return { kind, sub: payload.sub, ver: typeof payload.ver === 'number' ? payload.ver : 0 };
      if (kind === 'member')
        return typeof payload.pl === 'number'
          ? { kind, sub: payload.sub, pl: payload.pl }
          : { kind, sub: payload.sub };
      if (kind === 'site' && typeof payload.gen === 'number')
        return { kind, sub: payload.sub, gen: payload.gen };
      throw new DomainError('TOKEN_INVALID');
    } catch (e) {
      if (e instanceof DomainError) throw e;
      if (e instanceof errors.JWTExpired) throw new DomainError('TOKEN_EXPIRED');
      throw new DomainError('TOKEN_INVALID');
    }
  }
}
