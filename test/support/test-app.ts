import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/app-config';
import type { PrismaService } from '../../apps/api/src/database/prisma.service';
import { testDatabases } from './global-setup';
import { createDatabase } from './postgres-server';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface TestApp {
  kind: DatabaseKind;
  url: string;
  dataDir: string;
  prisma: PrismaService;
  running: RunningApp;
  close(): Promise<void>;
}

/** The databases this run covers (HB_TEST_DATABASES, default both), for `describe.each`. */
export const databases: DatabaseKind[] = testDatabases();

/**
 * Starts the real API in this process on a free port, against a fresh PGlite data directory or a
 * fresh database on the run's PostgreSQL server, with migrations applied as `npm start` does.
 */
export async function startTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  process.env.LOG_LEVEL ??= 'silent';
  const dataDir = mkdtempSync(join(tmpdir(), 'hallbridge-test-'));
  let databaseUrl = '';
  if (kind === 'postgresql') {
    const server = process.env.TEST_POSTGRES_URL;
    if (!server) throw new Error('TEST_POSTGRES_URL is not set: the int tier global setup starts PostgreSQL');
    databaseUrl = await createDatabase(server);
  }
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    WEB_DIST: process.env.WEB_DIST ?? join(dataDir, 'no-web'),
    LOG_LEVEL: process.env.LOG_LEVEL,
    ...env,
  });
  const running = await startApp(config, '127.0.0.1');
  return {
    kind,
    url: running.url,
    dataDir,
    prisma: running.db.prisma,
    running,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
