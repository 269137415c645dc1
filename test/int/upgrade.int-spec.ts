import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase } from '../support/postgres-server';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const postgres = databases.includes('postgresql') ? describe : describe.skip;
const migrations = readdirSync(join(__dirname, '..', '..', 'prisma', 'migrations'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

postgres('upgrades: migrations on start (postgresql)', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('applies the migrations once when two instances start together on a fresh database', async () => {
    const url = await createDatabase(process.env.TEST_POSTGRES_URL!, 'hb_upgrade');
    const started = await Promise.allSettled([
      startTestApp('postgresql', { DATABASE_URL: url }),
      startTestApp('postgresql', { DATABASE_URL: url }),
    ]);
    for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
    expect(started.map((r) => (r.status === 'rejected' ? String(r.reason) : 'up'))).toEqual(['up', 'up']);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const rows = (
        await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
          `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
             FROM _prisma_migrations ORDER BY migration_name`,
        )
      ).rows;
      expect(rows.map((r) => r.migration_name)).toEqual(migrations);
      expect(rows.every((r) => r.finished && !r.rolled_back)).toBe(true);
    } finally {
      await client.end();
    }
    for (const app of apps) expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });
});
