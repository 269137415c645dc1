import { Logger } from '@nestjs/common';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '../config/repo-root';
import { run } from './child-process';

/** Our own advisory lock (Prisma's engine takes 72707369 for 10 s at most; ours waits longer). */
const MIGRATION_LOCK = 0x48424d47; // "HBMG"
const POLL_MS = 500;

const migrationsDir = () => join(repoRoot(), 'prisma', 'migrations');

/** The migrations this build ships (prisma/migrations/<name>/), in the order they apply. */
export function migrationNames(): string[] {
  return readdirSync(migrationsDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Applies pending prisma/migrations with Prisma's WASM schema engine, the way `prisma migrate
 * deploy` does (same _prisma_migrations rows). It runs in a child process: the engine is an ES
 * module and holds its own connection.
 *
 * On PostgreSQL, instances that start together take turns under an advisory lock held on a
 * connection of their own: the first applies what is pending, the others wait (up to `lockTimeoutMs`,
 * saying so) and then find nothing left to do. PGlite is one database session served by one process,
 * where advisory locks do not exclude anyone, and only one app runs on its data directory.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: { exclusive?: boolean; lockTimeoutMs?: number } = {},
): Promise<string> {
  const lock = options.exclusive
    ? await takeMigrationLock(databaseUrl, options.lockTimeoutMs ?? 900_000)
    : null;
  try {
    const result = await run(process.execPath, [
      join(repoRoot(), 'infra', 'database', 'prisma-engine', 'deploy.mjs'),
      databaseUrl,
      migrationsDir(),
    ]);
    if (result.code !== 0)
      throw new Error(`database migration failed: ${result.stderr.trim() || result.stdout.trim()}`);
    const summary = result.stdout.trim();
    if (!/^applied 0 /.test(summary)) new Logger('Database').log(summary);
    return summary;
  } finally {
    await lock?.end().catch(() => undefined);
  }
}

/** A connection holding the migration lock; ending it releases the lock. */
async function takeMigrationLock(databaseUrl: string, timeoutMs: number): Promise<Client> {
  const logger = new Logger('Database');
  const client = new Client({ connectionString: databaseUrl, application_name: 'hallbridge-migrate' });
  await client.connect();
  const deadline = Date.now() + timeoutMs;
  let told = false;
  try {
    for (;;) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        MIGRATION_LOCK,
      ]);
      if (rows[0]?.ok) return client;
      if (Date.now() > deadline)
        throw new Error(
          `another instance has been applying database migrations for over ${Math.round(timeoutMs / 1000)} s; ` +
            'check it, or raise MIGRATION_LOCK_TIMEOUT_MS',
        );
      if (!told) logger.log('another instance is applying database migrations; waiting for it');
      told = true;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}
