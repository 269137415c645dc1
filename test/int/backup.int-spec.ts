import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { builtMain } from '../support/product';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const cli = (name: string) => join(builtMain, '..', 'cli', `${name}.js`);
const exec = promisify(execFile);

/** Every table's rows, in order: what "read back identical" compares. */
async function contents(url: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows.map((r) => r.name);
    const all: Record<string, unknown[]> = {};
    for (const table of tables) all[table] = (await client.query(`SELECT * FROM "${table}" ORDER BY 1`)).rows;
    return all;
  } finally {
    await client.end();
  }
}

function files(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const found: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else found[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return found;
}

describe.each(databases)('backup and restore (%s)', (kind) => {
  let app: TestApp | null = null;
  let dataDir = '';
  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads back identical what was written, backed up while running, wiped and restored', async () => {
    if (!existsSync(cli('backup'))) throw new Error('the API is not built: run `npx nx run api:build`');
    app = await startTestApp(kind);
    dataDir = app.dataDir;
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: kind === 'postgresql' ? app.running.db.url : '',
      AUTH_SECRET: app.running.config.authSecret,
      LOG_LEVEL: 'silent',
    };
    const org = await organisationFactory(app.prisma);
    const { organiser, sessionId } = await invitedSession(app.url, org, 'Hội nghị được sao lưu');
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    const upload = await organiser.upload(
      `/sessions/${sessionId}/materials`,
      'Tài liệu nghị quyết.txt',
      'Nghị quyết số 01: nội dung cốt lõi.',
      'text/plain',
    );
    expect(upload.status).toBe(201);
    const before = await contents(app.running.db.url);
    const filesBefore = files(join(dataDir, 'files'));
    expect(Object.keys(filesBefore).length).toBeGreaterThan(0);

    const archive = join(dataDir, '..', `${kind}-backup-${Date.now()}.tar.gz`);
    await exec(process.execPath, [cli('backup'), archive], { env });
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    // Not while HallBridge uses the database.
    await expect(exec(process.execPath, [cli('restore'), archive, '--yes'], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('stop HallBridge first'),
    });

    const url = app.running.db.url;
    await app.running.close();
    if (kind === 'postgresql') {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      await client.end();
    } else rmSync(join(dataDir, 'db'), { recursive: true, force: true });
    rmSync(join(dataDir, 'files'), { recursive: true, force: true });

    await exec(process.execPath, [cli('restore'), archive], { env });
    app = await startTestApp(kind, { DATA_DIR: dataDir, DATABASE_URL: env.DATABASE_URL });
    expect(await contents(app.running.db.url)).toEqual(before);
    expect(files(join(dataDir, 'files'))).toEqual(filesBefore);
    const session = await new ApiClient(app.url).as(organiser.token).get(`/sessions/${sessionId}`);
    expect(session.body).toMatchObject({
      state: 'live',
      materials: [{ fileName: 'Tài liệu nghị quyết.txt' }],
    });
    rmSync(archive, { force: true });
    // The embedded database is created three times here (app, dump copy, restore): slow on 2 busy cores.
  }, 360_000);
});
