import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';

/** Loopback, private (RFC 1918, IPv6 unique-local) and link-local networks: the operator's own. */
const LOCAL = new BlockList();
for (const [net, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const)
  LOCAL.addSubnet(net, prefix, 'ipv4');
LOCAL.addAddress('::1', 'ipv6');
LOCAL.addSubnet('fc00::', 7, 'ipv6');
LOCAL.addSubnet('fe80::', 10, 'ipv6');

export function isLocalAddress(address: string): boolean {
  const plain = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!plain) return false;
  try {
    return LOCAL.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  } catch {
    return false;
  }
}

export interface ScrapeRequest {
  /** The client address as Express resolves it (behind the trusted local front: the forwarded one). */
  ip?: string;
  headers: { authorization?: string; 'x-forwarded-for'?: string | string[] };
}

/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends it as a bearer token, from anywhere.
 * Without: only the operator's own networks, meaning the client and every address a proxy says it
 * forwarded for are loopback or private, so a scrape through a public front is refused.
 */
export function scrapeAccess(
  req: ScrapeRequest,
  token: string | null,
): 'ok' | 'unauthenticated' | 'forbidden' {
  if (token) {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
    const wanted = Buffer.from(token);
    return given.length === wanted.length && timingSafeEqual(given, wanted) ? 'ok' : 'unauthenticated';
  }
  const forwarded = [req.headers['x-forwarded-for'] ?? []].flat().flatMap((h) => h.split(','));
  const addresses = [req.ip ?? '', ...forwarded];
  return addresses.every(isLocalAddress) ? 'ok' : 'forbidden';
}
