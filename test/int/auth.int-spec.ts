import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { databases, startTestApp, type TestApp } from '../support/test-app';

describe.each(databases)('sign-in, setup and error shapes on %s', (kind) => {
  let app: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestApp(kind);
    api = new ApiClient(app.url);
  });
  afterAll(() => app?.close());

  it('reports the database, media server and Redis in /api/health', async () => {
    const res = await api.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', kind },
      media: { status: 'disabled' },
      redis: { status: 'disabled' },
    });
  });

  it('lets the first visitor of an empty install create the organisation, once', async () => {
    expect((await api.get('/setup')).body).toEqual({ needed: true });
    const body = {
      organisationName: 'Tỉnh ủy Lâm Đồng',
      organisationCode: 'TU-LD',
      username: 'quantri',
      password: 'mot-mat-khau-dai',
      displayName: 'Quản Trị Viên',
    };
    const first = await api.post('/setup', body);
    expect(first.status).toBe(201);
    expect(first.body.principal).toMatchObject({ role: 'organiser', displayName: 'Quản Trị Viên' });
    expect((await api.get('/setup')).body).toEqual({ needed: false });
    const again = await api.post('/setup', { ...body, username: 'ke-gian' });
    expect(again.status).toBe(403);
    const units = await api.as(first.body.token).get('/units');
    expect(units.body.map((u: { name: string }) => u.name)).toEqual(['Tỉnh ủy Lâm Đồng']);
  });

  it('signs staff in, says who they are, and refuses wrong passwords without telling which part was wrong', async () => {
    await organisationFactory(app.prisma);
    const ok = await api.post('/auth/login', { username: 'ToChuc', password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    const me = await api.as(ok.body.token).get('/auth/me');
    expect(me.body).toMatchObject({ role: 'organiser', displayName: 'Nguyễn Văn Tổ', locale: 'vi' });

    const wrongPassword = await api.post('/auth/login', { username: 'tochuc', password: 'sai' });
    const noSuchUser = await api.post('/auth/login', { username: 'khongco', password: 'sai' });
    expect(wrongPassword.status).toBe(401);
    expect(noSuchUser.status).toBe(401);
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
    expect(noSuchUser.body.message).toBe(wrongPassword.body.message);
  });

  it('holds back an address after repeated failed sign-ins, even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await api.post('/auth/login', { username: 'baocao', password: 'sai' })).status).toBe(401);
    const locked = await api.post('/auth/login', { username: 'baocao', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.body.message).toMatch(/phút/);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a rotating header escapes no per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${i + 1}` },
        body: JSON.stringify({ username: 'bithu1', password: 'sai' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(5)).toContain(429);
    const tls = await fetch(`${api.baseUrl}/api/health`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers bad input with a 4xx JSON error naming what to fix', async () => {
    const invalid = await api.post('/auth/login', { username: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['password', 'username']);

    const notJson = await api.request('POST', '/auth/login', '{not json');
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('VALIDATION_FAILED');

    const tooBig = await api.request(
      'POST',
      '/auth/login',
      JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }),
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');

    const unknown = await api.get('/khong-co-duong-nay');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: expect.stringContaining('/api/khong-co-duong-nay'),
    });

    const english = await api.inLanguage('en').get('/units');
    expect(english.status).toBe(401);
    expect(english.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' });

    const forged = await api.as('eyJhbGciOiJIUzI1NiJ9.eyJraW5kIjoic3RhZmYifQ.forged').get('/units');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
  });

  it('publishes the OpenAPI document, identical to the reviewed copy in docs/openapi.json', async () => {
    const doc = await api.get('/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/sessions/{id}/transitions']),
    );
    const reviewed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));
    // On failure: the API changed; run `npm run openapi` and commit docs/openapi.json with the change.
    expect(doc.body).toEqual(reviewed);
  });
});
