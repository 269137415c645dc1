import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApi, createApp } from '../app';
import { loadConfig } from '../config/app-config';
import type { Database } from '../database/database';

/**
 * `npm run openapi`: writes the OpenAPI document to docs/openapi.json. The file is checked in and a
 * test fails when the served document drifts from it, so API changes show up in review.
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'docs/openapi.json';
  process.env.LOG_LEVEL = 'silent';
  const config = loadConfig({ ...process.env, AUTH_SECRET: 'openapi-export', WEB_DIST: '/nonexistent' });
  // The document comes from the scanned modules; the app is never initialised, so no service runs
  // and no database is opened.
  const app = await createApp(config, {
    kind: 'pglite',
    url: '',
    prisma: {} as Database['prisma'],
    close: async () => {},
  });
  writeFileSync(out, `${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
  console.log(`wrote ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
