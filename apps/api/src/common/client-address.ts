import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

type Trust = (address: string, hop: number) => boolean;

/** TRUST_PROXY compiled the way Express compiles `trust proxy` (a hop count, true, or addresses/CIDRs/names). */
export function compileTrust(value: boolean | number | string): Trust {
  if (value === true) return () => true;
  if (typeof value === 'number') return (_address, hop) => hop < value;
  if (typeof value === 'string')
    return proxyaddr.compile(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    );
  return proxyaddr.compile([]);
}

/**
 * The client's address of a raw request (a socket.io handshake) by the same rule as Express's
 * `req.ip`: X-Forwarded-For is followed only through proxies TRUST_PROXY names, so the live rooms'
 * per-address limits see the client behind the front, and a client cannot pick its own address.
 */
export function clientAddress(request: IncomingMessage, trust: Trust): string {
  try {
    return proxyaddr(request, trust);
  } catch {
    return request.socket?.remoteAddress ?? 'unknown';
  }
}
