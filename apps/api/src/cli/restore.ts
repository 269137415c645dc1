import { resolve } from 'node:path';
import { restore } from '../backup/backup';
import { loadConfig } from '../config/app-config';

/**
 * `npm run restore -- <file> [--yes]`: replaces this install's database and uploaded files with a
 * backup's (HallBridge stopped). --yes is needed when the install already has data. The database
 * kind follows the settings (DATABASE_URL or the embedded one), so a backup of the embedded database
 * can also move an install onto PostgreSQL.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run restore -- <backup file> [--yes]');
  const config = loadConfig();
  const manifest = await restore(config, resolve(process.env.INIT_CWD ?? process.cwd(), file), {
    replace: args.includes('--yes'),
  });
  console.log(
    `restored the backup of ${manifest.createdAt} (${manifest.database.kind}, HallBridge ${manifest.hallbridgeVersion}); ` +
      'start HallBridge: pending migrations are applied on start',
  );
}

main().catch((error) => {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exit(1);
});
