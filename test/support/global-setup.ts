import { startPostgres, type PostgresServer } from './postgres-server';

declare global {
  var __hallbridgePostgres: PostgresServer | undefined;
}

/**
 * Starts the real services the integration and end-to-end tiers share. PostgreSQL runs once per
 * Jest run; each test file makes its own database on it. (PGlite needs nothing here: each test app
 * starts its own.)
 */
export default async function globalSetup(): Promise<void> {
  if (testDatabases().includes('postgresql') && !process.env.TEST_POSTGRES_URL) {
    const server = await startPostgres();
    globalThis.__hallbridgePostgres = server;
    process.env.TEST_POSTGRES_URL = server.url;
  }
}

export function testDatabases(): ('pglite' | 'postgresql')[] {
  return (process.env.HB_TEST_DATABASES ?? 'pglite,postgresql')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is 'pglite' | 'postgresql' => s === 'pglite' || s === 'postgresql');
}
