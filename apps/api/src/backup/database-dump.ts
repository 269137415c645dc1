import { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { runningEmbeddedDatabase, startEmbeddedDatabase } from '../database/database';
import { run } from '../database/child-process';
import { postgresTools, serverVersion, withoutPassword } from './postgres-tools';

/** Where an install keeps its database: PostgreSQL at a URL, or PGlite in a directory. */
export type DatabaseLocation = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dir: string };

export interface DumpInfo {
  kind: DatabaseLocation['kind'];
  serverVersion: string;
  /** Migrations applied in the dumped database. */
  migrations: string[];
}

const APPLIED = `SELECT migration_name AS name FROM _prisma_migrations
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

/**
 * Writes the database as plain SQL (schema and rows, no owners or grants, so it restores under
 * another role or into the other kind of database). PostgreSQL: Debian's pg_dump, never older than
 * the server. PGlite: the server hands out a consistent copy of its data directory, pglite-tools'
 * WASM pg_dump dumps the copy, and nobody is stopped for more than the copy.
 */
export async function dumpDatabase(db: DatabaseLocation, file: string): Promise<DumpInfo> {
  if (db.kind === 'postgresql') {
    const version = await serverVersion(db.url);
    const tools = await postgresTools(version.major);
    const migrations = await appliedMigrations(db.url);
    const { url, env } = withoutPassword(db.url);
    const result = await run(
      tools.pgDump,
      ['--format=plain', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`],
      { env: { ...process.env, ...env } },
    );
    if (result.code !== 0) throw new Error(`pg_dump failed: ${result.stderr.trim()}`);
    return { kind: 'postgresql', serverVersion: version.text, migrations };
  }
  if (!existsSync(join(db.dir, 'PG_VERSION'))) throw new Error(`there is no database in ${db.dir}`);
  const server = await startEmbeddedDatabase(db.dir);
  try {
    if (!server.control)
      throw new Error('the running HallBridge predates online backups: restart it once, then back up');
    const res = await fetch(`${server.control.url}/datadir`, {
      headers: { authorization: `Bearer ${server.control.token}` },
    });
    if (!res.ok) throw new Error(`the database server could not copy its data: ${await res.text()}`);
    const copy = await PGlite.create({ loadDataDir: new Blob([await res.arrayBuffer()]) });
    try {
      const version = (await copy.query<{ server_version: string }>('SHOW server_version')).rows[0]!;
      const migrations = (await copy.query<{ name: string }>(APPLIED)).rows.map((r) => r.name);
      const dump = await pgDump({ pg: copy, args: ['--no-owner', '--no-privileges'] });
      await writeFile(file, await dump.text());
      return { kind: 'pglite', serverVersion: version.server_version, migrations };
    } finally {
      await copy.close();
    }
  } finally {
    await server.stop();
  }
}

/** Why the database cannot be replaced now (someone uses it), or null. */
export async function databaseInUse(db: DatabaseLocation): Promise<string | null> {
  if (db.kind === 'pglite') {
    const running = runningEmbeddedDatabase(db.dir);
    return running ? `HallBridge is running on ${db.dir} (its database answers at ${running.url})` : null;
  }
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const n = rows[0]?.n ?? 0;
    return n > 0 ? `${n} other connection(s) to the database (HallBridge instances?)` : null;
  } finally {
    await client.end();
  }
}

/** Whether there is anything to lose in the database. */
export async function databaseHasData(db: DatabaseLocation): Promise<boolean> {
  if (db.kind === 'pglite') return existsSync(join(db.dir, 'PG_VERSION'));
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Replaces the database with the dump, all or nothing. PostgreSQL: one transaction that empties the
 * public schema and runs the dump (psql). PGlite: a new data directory is built beside the old one,
 * which it replaces only once complete; `stage` receives the finished directory's path.
 */
export async function restoreDatabase(db: DatabaseLocation, file: string, stage: string): Promise<void> {
  if (db.kind === 'pglite') {
    const pg = await PGlite.create({ dataDir: stage });
    try {
      await pg.exec(await readFile(file, 'utf8'));
    } finally {
      await pg.close();
    }
    return;
  }
  const version = await serverVersion(db.url);
  const tools = await postgresTools(version.major);
  const { url, env } = withoutPassword(db.url);
  const psql = spawn(
    tools.psql,
    [
      '--no-psqlrc',
      '--quiet',
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      `--dbname=${url}`,
      '--command=DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
      '--file=-',
    ],
    { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  psql.stderr.on('data', (d) => (stderr += d));
  psql.stdin.on('error', () => undefined); // psql stopped early: its exit code and stderr say why
  const done = new Promise<number | null>((resolve, reject) => {
    psql.on('error', reject);
    psql.on('close', resolve);
  });
  // A dump from the embedded database (PostgreSQL 18) names a setting older servers lack.
  const tooNew = version.major < 17 ? /^SET transaction_timeout = /u : null;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (tooNew?.test(line)) continue;
    if (!psql.stdin.write(`${line}\n`)) await new Promise((r) => psql.stdin.once('drain', r));
  }
  psql.stdin.end();
  const code = await done;
  if (code !== 0) throw new Error(`restoring the database failed (nothing was changed): ${stderr.trim()}`);
}

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(APPLIED)).rows.map((r) => r.name);
  } catch {
    return [];
  } finally {
    await client.end();
  }
}
