import { join } from 'node:path';
import { repoRoot } from '../config/repo-root';
import { run } from './child-process';

/**
 * Applies pending prisma/migrations with Prisma's WASM schema engine, the way `prisma migrate
 * deploy` does (same _prisma_migrations rows). It runs in a child process: the engine is an ES
 * module and holds its own connection.
 */
export async function applyMigrations(databaseUrl: string): Promise<string> {
  const root = repoRoot();
  const result = await run(process.execPath, [
    join(root, 'infra', 'database', 'prisma-engine', 'deploy.mjs'),
    databaseUrl,
    join(root, 'prisma', 'migrations'),
  ]);
  if (result.code !== 0)
    throw new Error(`database migration failed: ${result.stderr.trim() || result.stdout.trim()}`);
  return result.stdout.trim();
}
