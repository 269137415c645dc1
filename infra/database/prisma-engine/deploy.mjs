// In-process `prisma migrate deploy`: applies pending prisma/migrations/*/migration.sql with Prisma's own
// WASM schema engine and records them in _prisma_migrations exactly like the CLI does. No CLI, no binary.
//   import { deployMigrations } from './tools/deploy.mjs'; await deployMigrations({ url, migrationsDir })
//   node tools/deploy.mjs <url> [migrationsDir]
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEngine, unwrapError } from './wasm-engine.mjs';

/** Same shape and order as the CLI's loader (directories sorted with localeCompare). */
export async function loadMigrationsList(migrationsDir) {
  const lockfile = {
    path: 'migration_lock.toml',
    content: await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(() => null),
  };
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const d of entries.filter((e) => e.isDirectory())) {
    const content = await readFile(path.join(migrationsDir, d.name, 'migration.sql'), 'utf8').then(
      (value) => ({ tag: 'ok', value }),
      (e) => ({ tag: 'error', value: e.message }),
    );
    migrationDirectories.push({ path: d.name, migrationFile: { path: 'migration.sql', content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: migrationsDir, lockfile, migrationDirectories, shadowDbInitScript: '' };
}

export async function deployMigrations({ url, migrationsDir = 'prisma/migrations', log = () => {} }) {
  const { engine, errorRegistry, dispose } = await startEngine({ url, log });
  try {
    const migrationsList = await loadMigrationsList(path.resolve(migrationsDir));
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } catch (e) {
    throw unwrapError(errorRegistry, e);
  } finally {
    await dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url = process.env.DATABASE_URL, dir = 'prisma/migrations'] = process.argv.slice(2);
  const t0 = Date.now();
  deployMigrations({ url, migrationsDir: dir })
    .then((names) => {
      console.log(`applied ${names.length} migration(s) in ${Date.now() - t0}ms: ${names.join(', ') || '-'}`);
      process.exit(0);
    })
    .catch((e) => {
      console.error(e?.message ?? e);
      process.exit(1);
    });
}
