import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi, createApp } from '../app';
import { loadConfig } from '../config/app-config';
import type { Database } from '../database/database';

/**
 * `npm run openapi`: writes the OpenAPI document to docs/openapi.json. The file is checked in;
 * with `--check` it is compared instead (scripts/check-drift.sh, early in `npm test`), so an API
 * change without its reviewed document fails the run.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const out = args.find((a) => !a.startsWith('--')) ?? 'docs/openapi.json';
  process.env.LOG_LEVEL = 'silent';
  const config = loadConfig({ ...process.env, AUTH_SECRET: 'openapi-export', WEB_DIST: '/nonexistent' });
  // The document comes from the scanned modules; the app is never initialised, so no service runs
  // and no database is opened.
  const app = await createApp(config, {
    kind: 'pglite',
    url: '',
    prisma: {} as Database['prisma'],
    pool: {} as Database['pool'],
    close: async () => {},
  });
  const doc = `${JSON.stringify(buildOpenApi(app), null, 2)}\n`;
  if (!check) {
    writeFileSync(out, doc);
    console.log(`wrote ${out}`);
    return;
  }
  if (readFileSync(out, 'utf8') !== doc) {
    console.error(`${out} differs from the API: run \`npm run openapi\` and commit it with the change`);
    process.exit(1);
  }
  console.log(`${out} matches the API`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
