import { Logger } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import { repoRoot } from '../config/repo-root';
import { startUntilReady, stopChild } from './child-process';
import { applyMigrations } from './migrate';
import { PrismaService } from './prisma.service';

export interface Database {
  kind: 'pglite' | 'postgresql';
  /** Connection string the Prisma adapter uses (a loopback port for PGlite). */
  url: string;
  prisma: PrismaService;
  /** The connection pool under Prisma (its sizes are reported in /metrics). */
  pool: Pool;
  close(): Promise<void>;
}

export const DATABASE = Symbol('DATABASE');

export interface EmbeddedDatabase {
  url: string;
  /** Where the server hands out a copy of its data directory (for backups). */
  control: { url: string; token: string } | null;
  stop(): Promise<void>;
}

interface ServerLock {
  pid: number;
  url: string | null;
  control?: EmbeddedDatabase['control'];
}

function readLock(dataDir: string): ServerLock | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'server.lock'), 'utf8')) as ServerLock;
  } catch {
    return null;
  }
}

/** The server already serving this data directory (started by a running app), if any. */
export function runningEmbeddedDatabase(dataDir: string): EmbeddedDatabase | null {
  const lock = readLock(dataDir);
  try {
    if (!lock) return null;
    process.kill(lock.pid, 0);
    return lock.url ? { url: lock.url, control: lock.control ?? null, stop: async () => {} } : null;
  } catch {
    return null;
  }
}

const logger = new Logger('Database');
/** Waits between attempts to start the embedded database again after it died. */
const RESTART_MS = [0, 1000, 2000, 5000, 10_000];

/**
 * Starts the PGlite server process on a free loopback port, or joins the one a running app already
 * started on this data directory. A server we start exits with us (it watches its stdin), and is
 * supervised: if it dies (killed, out of memory, a crash) it is started again on the same port, so
 * the connection pool finds it where it was; meanwhile queries fail as unreachable (UNAVAILABLE).
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const running = runningEmbeddedDatabase(dataDir);
  if (running) return running;
  const start = (port: string) =>
    startUntilReady(
      process.execPath,
      [join(repoRoot(), 'infra', 'database', 'pglite-server.mjs'), dataDir, port, '16'],
      /^ready (\S+)$/m,
      // Creating a new data directory takes PostgreSQL's initdb: over a minute on a busy small machine.
      { env: { ...process.env, PGLITE_EXIT_WITH_PARENT: '1' }, timeoutMs: 180_000 },
    );
  const first = await start('0');
  let child = first.child;
  const url = first.match[1]!;
  const port = new URL(url).port;
  let stopping = false;
  const database: EmbeddedDatabase = {
    url,
    control: readLock(dataDir)?.control ?? null,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
  const restart = async () => {
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise((r) => setTimeout(r, RESTART_MS[Math.min(attempt, RESTART_MS.length - 1)]));
      if (stopping) return;
      try {
        ({ child } = await start(port));
        if (stopping) return void stopChild(child);
        database.control = readLock(dataDir)?.control ?? null;
        supervise(child);
        logger.log(`the embedded database is serving again on port ${port}`);
        return;
      } catch (error) {
        logger.error(`starting the embedded database again failed: ${(error as Error).message}`);
      }
    }
  };
  const supervise = (server: ChildProcess) =>
    server.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error(`the embedded database stopped (${signal ?? `exit ${code}`}); starting it again`);
      void restart();
    });
  supervise(child);
  return database;
}

/**
 * PostgreSQL when DATABASE_URL is set; otherwise PGlite with its files in DATA_DIR/db. Either way
 * pending migrations are applied first and the same pg driver adapter is used.
 */
export async function openDatabase(
  config: AppConfig,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(join(config.dataDir, 'db'));
  const url = config.databaseUrl ?? embedded!.url;
  try {
    if (options.migrate ?? true)
      await applyMigrations(url, {
        exclusive: !embedded,
        lockTimeoutMs: config.observability.migrationLockTimeoutMs,
      });
    // PGlite runs one query at a time whatever the pool; a small pool keeps it below its connection cap.
    const pool = new Pool({ connectionString: url, max: embedded ? 4 : 10 });
    const prisma = new PrismaService({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    await prisma.$connect();
    return {
      kind: embedded ? 'pglite' : 'postgresql',
      url,
      prisma,
      pool,
      async close() {
        await prisma.$disconnect();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
