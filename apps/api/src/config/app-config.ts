import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  loadAttendanceConfig,
  loadLivePingConfig,
  type AttendanceConfig,
  type LivePingConfig,
} from '../attendance/attendance-config';
import { advertisedAddress } from './advertised-address';
import { loadObservabilityConfig, type ObservabilityConfig } from '../observability/observability-config';
import { loadNotificationsConfig, type NotificationsConfig } from '../notifications/notifications-config';

export interface MediaConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The URL browsers connect to when it differs from the one the server uses (LIVEKIT_PUBLIC_URL). */
  publicUrl?: string | null;
}

/** How the address people open is secured (set by the TLS front that scripts/start.mjs or the stack runs). */
export interface NetworkConfig {
  /** internal: a local CA; acme: public certificates; files: given ones; off: plain HTTP; external: a front we do not run. */
  tls: 'internal' | 'acme' | 'files' | 'off' | 'external';
  /** The local CA's root certificate (PEM) that phones and room screens must trust; null without one. */
  caCertFile: string | null;
}

export interface AppConfig {
  port: number;
  /**
   * The one public base URL: join links, QR codes, e-mails and the media URL carry it. PUBLIC_URL, or
   * PUBLIC_HOSTNAME, or the primary interface (see advertised-address.ts) — never localhost.
   */
  publicUrl: string;
  network: NetworkConfig;
  dataDir: string;
  filesDir: string;
  /** PostgreSQL URL; null means the embedded PGlite database in dataDir. */
  databaseUrl: string | null;
  redisUrl: string | null;
  media: MediaConfig | null;
  authSecret: string;
  webDist: string | null;
  version: string;
  attendance: AttendanceConfig;
  livePing: LivePingConfig;
  observability: ObservabilityConfig;
  notifications: NotificationsConfig;
  /**
   * Which proxies' X-Forwarded-For / -Proto to believe (TRUST_PROXY, Express's `trust proxy`: a hop
   * count, `loopback`, or addresses/CIDRs); none by default, so a client cannot pick its own address.
   */
  trustProxy: boolean | number | string;
}

function trustProxyOf(value: string | undefined): boolean | number | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/**
 * Secrets the embedded default needs (token signing key) are generated once and kept in the data
 * directory, so links stay valid across restarts without any setup.
 */
function embeddedSecret(dataDir: string, name: string): string {
  const file = join(dataDir, 'secrets.json');
  const secrets: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!secrets[name]) {
    secrets[name] = randomBytes(32).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  const dataDir = resolve(env.DATA_DIR ?? join(process.cwd(), 'data'));
  const webDist = resolve(env.WEB_DIST ?? join(process.cwd(), 'dist', 'apps', 'web'));
  const publicUrl =
    (env.PUBLIC_URL ? null : announcedUrl(dataDir)) ??
    advertisedAddress(env, { scheme: 'http', port }).publicUrl;
  const media =
    env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET
      ? {
          url: env.LIVEKIT_URL,
          apiKey: env.LIVEKIT_API_KEY,
          apiSecret: env.LIVEKIT_API_SECRET,
          publicUrl: env.LIVEKIT_PUBLIC_URL || sameOriginMedia(env.LIVEKIT_URL, publicUrl),
        }
      : null;
  return {
    port,
    publicUrl,
    network: loadNetworkConfig(env),
    dataDir,
    filesDir: resolve(env.FILES_DIR ?? join(dataDir, 'files')),
    databaseUrl: env.DATABASE_URL || null,
    redisUrl: env.REDIS_URL || null,
    media,
    authSecret: env.AUTH_SECRET ?? embeddedSecret(dataDir, 'authSecret'),
    webDist: existsSync(webDist) ? webDist : null,
    version: env.npm_package_version ?? '0.1.0',
    attendance: loadAttendanceConfig(env),
    livePing: loadLivePingConfig(env),
    observability: loadObservabilityConfig(env),
    notifications: loadNotificationsConfig(env),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
  };
}

/**
 * The address `npm start` announced for this data directory (data/network.json), so tools run
 * beside it (`npm run seed:demo`) print the links people can open. PUBLIC_URL still wins.
 */
function announcedUrl(dataDir: string): string | null {
  const file = join(dataDir, 'network.json');
  if (!existsSync(file)) return null;
  const { publicUrl } = JSON.parse(readFileSync(file, 'utf8')) as { publicUrl?: string };
  return publicUrl ?? null;
}

/**
 * A LiveKit on this machine's loopback behind an HTTPS address is reached by browsers through the
 * TLS front, which proxies /rtc on the same origin: wss://<public host>. Otherwise the URL as given.
 */
function sameOriginMedia(livekitUrl: string, publicUrl: string): string | null {
  const internal = new URL(livekitUrl);
  const site = new URL(publicUrl);
  if (site.protocol !== 'https:' || !['127.0.0.1', 'localhost', '[::1]'].includes(internal.hostname))
    return null;
  return `wss://${site.host}`;
}

const tlsModes: NetworkConfig['tls'][] = ['internal', 'acme', 'files', 'off', 'external'];

function loadNetworkConfig(env: NodeJS.ProcessEnv): NetworkConfig {
  const given = env.TLS_MODE as NetworkConfig['tls'] | undefined;
  const tls =
    given && tlsModes.includes(given) ? given : env.PUBLIC_URL?.startsWith('https:') ? 'external' : 'off';
  return { tls, caCertFile: env.TLS_CA_CERT_FILE ? resolve(env.TLS_CA_CERT_FILE) : null };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
