import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/**
 * The address people must open, worked out once for the app, the TLS front and the media server
 * (scripts/start.mjs and infra/stack read it from the built app): PUBLIC_URL as given, else
 * PUBLIC_HOSTNAME, else the machine's primary interface. Never localhost unless the machine has no
 * other address.
 */
export interface AdvertisedAddress {
  /** What join links, QR codes and e-mails carry, without a trailing slash. */
  publicUrl: string;
  /** The host part of publicUrl: a DNS name or an IP address. */
  host: string;
  /** The IPv4 address the media server puts in its ICE candidates (PUBLIC_IP, else host or primary). */
  mediaIp: string;
  source: 'PUBLIC_URL' | 'PUBLIC_HOSTNAME' | 'interface' | 'loopback';
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

function readRouteTable(): string {
  try {
    return readFileSync('/proc/net/route', 'utf8');
  } catch {
    return '';
  }
}

/** The interface the default route leaves by (Linux's /proc/net/route), or null. */
export function defaultRouteInterface(routeTable: string = readRouteTable()): string | null {
  for (const line of routeTable.split('\n').slice(1)) {
    const [name, destination, , , , , , mask] = line.trim().split(/\s+/);
    if (name && destination === '00000000' && mask === '00000000') return name;
  }
  return null;
}

/** The IPv4 address of the default route's interface; else the first non-internal IPv4; else null. */
export function primaryIPv4(
  interfaces: Interfaces = networkInterfaces(),
  routeTable: string = readRouteTable(),
): string | null {
  const ipv4Of = (name: string) =>
    (interfaces[name] ?? []).find((a) => a.family === 'IPv4' && !a.internal)?.address ?? null;
  const routed = defaultRouteInterface(routeTable);
  if (routed && ipv4Of(routed)) return ipv4Of(routed);
  for (const name of Object.keys(interfaces)) {
    const address = ipv4Of(name);
    if (address) return address;
  }
  return null;
}

/** Every IPv4 address of this machine (loopback included): to tell whether the media IP is local. */
export function localIPv4s(interfaces: Interfaces = networkInterfaces()): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4')
    .map((a) => a.address);
}

const defaultPorts: Record<string, number> = { 'http:': 80, 'https:': 443 };

/**
 * `scheme` and `port` are where the product answers when neither PUBLIC_URL nor a hostname with
 * its own port is given: https on the front's port, or http on the app's port without a front.
 */
export function advertisedAddress(
  env: NodeJS.ProcessEnv,
  listen: { scheme: 'http' | 'https'; port: number },
  primary: () => string | null = () => primaryIPv4(),
): AdvertisedAddress {
  const ipOrPrimary = (host: string) =>
    env.PUBLIC_IP || (isIP(host) === 4 ? host : (primary() ?? '127.0.0.1'));
  if (env.PUBLIC_URL) {
    const url = new URL(env.PUBLIC_URL);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return {
      publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
      host,
      mediaIp: ipOrPrimary(host),
      source: 'PUBLIC_URL',
    };
  }
  const origin = (host: string) => {
    const port = listen.port === defaultPorts[`${listen.scheme}:`] ? '' : `:${listen.port}`;
    return `${listen.scheme}://${isIP(host) === 6 ? `[${host}]` : host}${port}`;
  };
  const hostname = env.PUBLIC_HOSTNAME?.trim().toLowerCase();
  if (hostname) {
    return {
      publicUrl: origin(hostname),
      host: hostname,
      mediaIp: ipOrPrimary(hostname),
      source: 'PUBLIC_HOSTNAME',
    };
  }
  const ip = primary();
  const host = ip ?? '127.0.0.1';
  return {
    publicUrl: origin(host),
    host,
    mediaIp: env.PUBLIC_IP || host,
    source: ip ? 'interface' : 'loopback',
  };
}
