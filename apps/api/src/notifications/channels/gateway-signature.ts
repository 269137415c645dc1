import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway's signature (docs/api.md, "Message gateway"): HMAC-SHA256 with the shared secret over
 * `<timestamp>.<raw body>`, hex, sent as `X-HallBridge-Signature: v1=<hex>` beside
 * `X-HallBridge-Timestamp: <unix seconds>`. A receiver recomputes it over the bytes it got and
 * refuses a timestamp more than MAX_SKEW_SECONDS away from its clock, so a recorded request cannot
 * be replayed later.
 */
export const SIGNATURE_HEADER = 'x-hallbridge-signature';
export const TIMESTAMP_HEADER = 'x-hallbridge-timestamp';
export const MESSAGE_ID_HEADER = 'x-hallbridge-message-id';
export const MAX_SKEW_SECONDS = 300;

export function signGatewayBody(body: string, secret: string, timestamp: number): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

export function verifyGatewaySignature(
  body: string,
  secret: string,
  headers: { signature?: string | null; timestamp?: string | null },
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - timestamp) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signGatewayBody(body, secret, timestamp));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
