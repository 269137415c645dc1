import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A personal join link carries the member, the session and an expiry, signed with the server's
 * key. It is kept short (about 90 characters) because secretaries send it by SMS or Zalo.
 */
export interface JoinLinkClaims {
  memberId: string;
  sessionId: string;
  /** Expiry in seconds since the epoch. */
  exp: number;
}

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`join:${payload}`).digest().subarray(0, 18).toString('base64url');

export function signJoinLink(claims: JoinLinkClaims, secret: string): string {
  const payload = `${claims.memberId}.${claims.sessionId}.${claims.exp.toString(36)}`;
  return `${payload}.${sign(payload, secret)}`;
}

export type JoinLinkCheck =
  { ok: true; claims: JoinLinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyJoinLink(token: string, secret: string, nowSeconds = Date.now() / 1000): JoinLinkCheck {
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'invalid' };
  const [memberId, sessionId, exp36, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${memberId}.${sessionId}.${exp36}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'invalid' };
  const exp = parseInt(exp36, 36);
  if (!Number.isFinite(exp) || exp < nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { memberId, sessionId, exp } };
}

/** Links stay usable for a week after the session so members can reread materials and write reflections. */
export function joinLinkExpiry(sessionEndsAt: Date): number {
  return Math.floor(sessionEndsAt.getTime() / 1000) + 7 * 24 * 3600;
}
