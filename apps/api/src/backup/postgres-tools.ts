import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { run } from '../database/child-process';

export interface PostgresTools {
  pgDump: string;
  psql: string;
  major: number;
}

/** A connection string without its password, and the password apart (for PGPASSWORD, not argv). */
export function withoutPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export async function serverVersion(url: string): Promise<{ major: number; text: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; text: string }>(
      "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text",
    );
    return { major: Math.floor(Number(rows[0]!.num) / 10_000), text: rows[0]!.text };
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL's own client tools, the newest installed: PG_BIN when set, Debian's
 * /usr/lib/postgresql/<major>/bin, or the PATH. pg_dump refuses a server newer than itself, so
 * one older than the server is refused here with what to install.
 */
export async function postgresTools(serverMajor: number, env = process.env): Promise<PostgresTools> {
  const dirs = env.PG_BIN
    ? [env.PG_BIN]
    : [
        ...(existsSync('/usr/lib/postgresql')
          ? readdirSync('/usr/lib/postgresql')
              .filter((d) => /^\d+$/.test(d))
              .sort((a, b) => Number(b) - Number(a))
              .map((d) => join('/usr/lib/postgresql', d, 'bin'))
          : []),
        '',
      ];
  for (const dir of dirs) {
    const pgDump = dir ? join(dir, 'pg_dump') : 'pg_dump';
    const psql = dir ? join(dir, 'psql') : 'psql';
    const version = await run(pgDump, ['--version']).catch(() => null);
    const major = Number(version?.stdout.match(/\(PostgreSQL\) (\d+)/)?.[1]);
    if (!version || version.code !== 0 || !major) continue;
    if (major < serverMajor)
      throw new Error(
        `pg_dump ${major} is older than the PostgreSQL server (${serverMajor}) and cannot dump it: ` +
          `install postgresql-client-${serverMajor} (Debian), or set PG_BIN to its bin directory`,
      );
    return { pgDump, psql, major };
  }
  throw new Error(
    `PostgreSQL's client tools (pg_dump, psql) were not found: install postgresql-client-${serverMajor} ` +
      '(Debian), or set PG_BIN to their bin directory',
  );
}
