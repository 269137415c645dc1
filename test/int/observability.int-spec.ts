import { io } from 'socket.io-client';
import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { addBranch, firstRun } from '../support/first-run';
import { LiveTestClient } from '../support/live-client';
import { startProduct, type Product } from '../support/product';
import { createDatabase } from '../support/postgres-server';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

/** A metric's samples from the Prometheus text format, as `labels → value`. */
function samples(text: string, name: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-z_:]+)(\{[^}]*\})? (\S+)$/);
    if (match?.[1] === name) found.set(match[2] ?? '', Number(match[3]));
  }
  return found;
}

describe('operating: probes and /metrics (pglite)', () => {
  let app: TestApp;
  let client: LiveTestClient | null = null;

  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(async () => {
    client?.close();
    await app?.close();
  });

  it('answers liveness and readiness apart from the component report', async () => {
    const api = new ApiClient(app.url);
    expect((await api.get('/health/live')).body).toMatchObject({ status: 'ok' });
    expect(await api.get('/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ready', database: 'up', migrations: 'applied', draining: false },
    });
    expect((await api.get('/health')).body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('reports the live room, the database pool, the components and the process in Prometheus format', async () => {
    const org = await organisationFactory(app.prisma);
    const { organiser, sessionId, tokens } = await invitedSession(app.url, org, 'Hội nghị có giám sát');
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    client = new LiveTestClient(app.url, tokens.an!);
    expect((await client.join(sessionId)).ok).toBe(true);
    expect((await client.send('question:ask', { text: 'Câu hỏi có được đo không?' })).ok).toBe(true);
    expect((await client.send('question:ask', { text: '' })).ok).toBe(false);

    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(
      samples(text, 'hallbridge_live_participants').get(`{session_id="${sessionId}",role="member"}`),
    ).toBe(1);
    expect(samples(text, 'hallbridge_live_connections').get(`{session_id="${sessionId}"}`)).toBe(1);
    const answered = samples(text, 'hallbridge_live_command_duration_seconds_count');
    expect(answered.get('{command="question:ask",outcome="ok"}')).toBe(1);
    expect(answered.get('{command="question:ask",outcome="VALIDATION_FAILED"}')).toBe(1);
    expect(answered.get('{command="room:join",outcome="ok"}')).toBe(1);
    expect(
      samples(text, 'hallbridge_live_fanout_duration_seconds_count').get('{path="local"}'),
    ).toBeGreaterThan(0);
    expect(samples(text, 'hallbridge_db_pool_max').get('')).toBe(4);
    expect(samples(text, 'hallbridge_db_pool_connections').has('{state="idle"}')).toBe(true);
    expect(samples(text, 'hallbridge_db_pool_waiting').get('')).toBe(0);
    expect(samples(text, 'hallbridge_slide_conversions').get('{status="queued"}')).toBe(0);
    expect(samples(text, 'hallbridge_component_up')).toEqual(new Map([['{component="database"}', 1]]));
    expect(samples(text, 'hallbridge_ready').get('')).toBe(1);
    expect(samples(text, 'nodejs_eventloop_lag_seconds').size).toBe(1);
    expect(samples(text, 'process_resident_memory_bytes').size).toBe(1);

    // The member leaves: the session's gauges follow.
    client.close();
    await until(
      async () => samples(await (await fetch(`${app.url}/metrics`)).text(), 'hallbridge_live_connections'),
      (gauge) => !gauge.has(`{session_id="${sessionId}"}`),
    );
  });

  it('refuses /metrics to a client forwarded from outside the local networks', async () => {
    const res = await fetch(`${app.url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('hallbridge_');
  });
});

describe('operating: logs (the built product)', () => {
  let product: Product;
  const password = 'mat-khau-rat-bi-mat-2026';

  beforeAll(async () => {
    // On the run's PostgreSQL when there is one: a fresh embedded database is slower to make.
    const server = process.env.TEST_POSTGRES_URL;
    const databaseUrl = server && databases.includes('postgresql') ? await createDatabase(server) : '';
    product = await startProduct({ LOG_LEVEL: 'debug', DATABASE_URL: databaseUrl });
  });
  afterAll(async () => {
    await product?.stop();
  });

  it('serves /metrics to Prometheus, not the web app that takes the other paths', async () => {
    const res = await fetch(`${product.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^nodejs_eventloop_lag_max_seconds \d/m);
  });

  it('writes one JSON object per line with a request id, and never a password or a token', async () => {
    const { organiser, rootId, auth } = await firstRun(product.url, {
      name: 'Tỉnh ủy Nhật Ký',
      code: 'NK',
      password,
    });
    const branchId = await addBranch(organiser, rootId, { name: 'Chi bộ Thôn 2', code: 'CB2' });
    await organiser.post('/members', { fullName: 'Trần Thị Cúc', unitId: branchId });
    const hour = 3600_000;
    const session = await organiser.post('/sessions', {
      title: 'Hội nghị ghi nhật ký',
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + hour).toISOString(),
      hostUnitId: rootId,
      invitedUnitIds: [branchId],
    });
    const [link] = (await organiser.get(`/sessions/${session.body.id}/join-links`)).body as { url: string }[];
    const joinToken = link!.url.split('/j/')[1]!;

    // What people do with these secrets: sign in (also wrongly), open the link, join, go live.
    const signIn = await organiser.as(null).post('/auth/login', { username: 'tochuc', password });
    await organiser.as(null).post('/auth/login', { username: 'tochuc', password: `${password}-sai` });
    await fetch(`${product.url}/j/${joinToken}`);
    const joined = await organiser.as(null).post('/auth/join', { token: joinToken });
    const memberToken: string = joined.body.token;
    await fetch(`${product.url}/api/auth/me?token=${memberToken}`, {
      headers: { Cookie: `hb=${memberToken}` },
    });
    const socket = io(product.url, {
      path: '/socket.io',
      auth: { token: memberToken },
      transports: ['polling'],
    });
    await new Promise<void>((resolve, reject) =>
      socket.once('connect', resolve).once('connect_error', reject),
    );
    await socket.emitWithAck('room:join', { sessionId: session.body.id, lastSeq: null });
    socket.disconnect();
    const traced = await fetch(`${product.url}/api/health`, { headers: { 'X-Request-Id': 'trace-4711' } });
    expect(traced.headers.get('x-request-id')).toBe('trace-4711');

    const secrets = [password, joinToken, memberToken, signIn.body.token as string, auth.token];
    const lines = await until(
      async () => product.output().split('\n').filter(Boolean),
      (all) => all.some((line) => line.includes('trace-4711')),
    );
    // stdout is the log; stderr may carry Node's own warnings.
    const entries = lines
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = entries.filter((e) => e.req) as { req: { id: string; url: string } }[];
    expect(requests.map((e) => e.req.url)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/join', '/api/auth/me?token=[redacted]']),
    );
    expect(requests.every((e) => typeof e.req.id === 'string' && e.req.id.length > 0)).toBe(true);
    for (const secret of secrets) expect(product.output()).not.toContain(secret);
  });
});
