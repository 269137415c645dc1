import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);
const scripts = join(__dirname, '..', '..', 'infra', 'database');

export interface PostgresServer {
  url: string;
  dir: string;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
  /** Stops the server keeping its data, as in an outage (`immediate`: as if it crashed). */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port with the same data. */
  resume(): Promise<void>;
}

/** A throw-away PostgreSQL server from Debian's packages on a free loopback port (see infra/database). */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync('/tmp/hallbridge-pg-');
  const port = await freePort();
  const { stdout } = await run('bash', [join(scripts, 'start-postgres.sh'), String(port), dir], {
    timeout: 300_000,
  });
  const url = stdout.trim().split('\n').pop()!;
  return {
    url,
    dir,
    halt: async (mode = 'fast') => {
      await run('bash', [join(scripts, 'stop-postgres.sh'), dir], {
        timeout: 60_000,
        env: { ...process.env, PG_STOP_MODE: mode },
      });
    },
    resume: async () => {
      await run('bash', [join(scripts, 'start-postgres.sh'), String(port), dir], { timeout: 300_000 });
    },
    stop: async () => {
      await run('bash', [join(scripts, 'stop-postgres.sh'), dir, '--rm'], { timeout: 60_000 });
    },
  };
}

/** A fresh, empty database on the shared test server, so test files never see each other's rows. */
export async function createDatabase(serverUrl: string, prefix = 'hb'): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
