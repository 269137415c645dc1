import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  loadAttendanceConfig,
  loadLivePingConfig,
  type AttendanceConfig,
  type LivePingConfig,
} from '../attendance/attendance-config';

export interface MediaConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The URL browsers connect to when it differs from the one the server uses (LIVEKIT_PUBLIC_URL). */
  publicUrl?: string | null;
}

export interface AppConfig {
  port: number;
  /** Public base URL used in join links and QR codes. */
  publicUrl: string;
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
  const media =
    env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET
      ? {
          url: env.LIVEKIT_URL,
          apiKey: env.LIVEKIT_API_KEY,
          apiSecret: env.LIVEKIT_API_SECRET,
          publicUrl: env.LIVEKIT_PUBLIC_URL || null,
        }
      : null;
  return {
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
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
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
