import { join, resolve } from 'node:path';
import { backup } from '../backup/backup';
import { loadConfig } from '../config/app-config';

/**
 * `npm run backup -- [file]`: the database (embedded or PostgreSQL, by the same settings as the app)
 * and the uploaded files, in one file; HallBridge may keep running. The default file is
 * DATA_DIR/backups/hallbridge-<time>.tar.gz.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // npm runs scripts from the project; a relative path means where the command was typed (INIT_CWD).
  const given = process.argv[2];
  const file = given
    ? resolve(process.env.INIT_CWD ?? process.cwd(), given)
    : join(config.dataDir, 'backups', `hallbridge-${stamp}.tar.gz`);
  const manifest = await backup(config, file);
  console.log(
    `backed up the ${manifest.database.kind} database (${manifest.database.migrations.length} migrations)` +
      `${manifest.files ? ' and the uploaded files' : ''} to ${file}`,
  );
}

main().catch((error) => {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(1);
});
