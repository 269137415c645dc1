import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's native schema engine cannot be downloaded on our build machines. The CLI talks to a
// stand-in that runs Prisma's own WASM schema engine through the pg driver adapter
// (docs/decisions.md, "Prisma offline"). Set before the CLI looks for the engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  __dirname,
  'infra',
  'database',
  'prisma-engine',
  'schema-engine-shim.mjs',
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // process.env rather than env(): env() throws when unset, and `prisma generate` needs no database.
    url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres',
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
