import { LiveConnection } from '../../apps/web/src/live/live-connection';
import { Client } from 'pg';
import { ApiClient } from '../support/api-client';
import { organisationFactory, readyDeckFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { createDatabase, startPostgres, type PostgresServer } from '../support/postgres-server';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// The app's own PostgreSQL server (not the run's shared one), so the test can take it away.
const postgres = databases.includes('postgresql') ? describe : describe.skip;

postgres('fault: PostgreSQL unavailable for a few seconds (postgresql)', () => {
  let pg: PostgresServer;
  let app: TestApp;
  const clients: LiveTestClient[] = [];
  const browsers: LiveConnection[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
  });
  // Each case on a fresh database and app instance (the organisation is made once per database).
  beforeEach(async () => {
    const url = await createDatabase(pg.url);
    // The test servers run with synchronous_commit off for speed, which loses the last commits in a
    // crash: what is acknowledged must survive one, as with PostgreSQL's default (docs/deploy.md).
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET synchronous_commit = on`);
    await admin.end();
    app = await startTestApp('postgresql', { DATABASE_URL: url });
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    browsers.splice(0).forEach((c) => c.close());
    await app?.close();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it.each(['immediate', 'fast'] as const)(
    'refuses with UNAVAILABLE while it is %s-stopped, writes nothing half, and resumes without a restart',
    async (mode) => {
      const org = await organisationFactory(app.prisma);
      const { organiser, sessionId, tokens } = await invitedSession(
        app.url,
        org,
        `Hội nghị khi CSDL dừng (${mode})`,
      );
      const deckId = (await readyDeckFactory(app.prisma, sessionId, 10)).id;
      await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
      const join = async (who: string) => {
        const c = new LiveTestClient(app.url, tokens[who]!);
        clients.push(c);
        expect((await c.join(sessionId)).ok).toBe(true);
        return c;
      };
      const presenter = await join('presenter');
      const an = await join('an');
      expect((await an.send('question:ask', { text: 'Câu hỏi trước sự cố?' })).ok).toBe(true);
      const seqBefore = (await presenter.until((s) => s.questions.length === 1)).seq;

      await pg.halt(mode);
      const api = new ApiClient(app.url);
      await until(
        async () => (await api.get('/health')).body,
        (h) => h.status === 'degraded' && h.database.status === 'down',
      );
      expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(503);

      // Live commands (those that read first and those that only write) and REST: a clear refusal.
      const during = await Promise.all([
        an.send('question:ask', { text: 'Câu hỏi trong sự cố?' }),
        an.send('hand:raise', {}),
        presenter.send('slide:go', { deckId, page: 3 }),
        presenter.send('poll:save', {
          poll: {
            question: 'Biểu quyết trong sự cố?',
            kind: 'single',
            options: [
              { id: 'a', label: 'Có' },
              { id: 'b', label: 'Không' },
            ],
          },
        }),
      ]);
      for (const ack of during) expect(ack).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
      const rest = await organiser.get(`/sessions/${sessionId}`);
      expect(rest.status).toBe(503);
      expect(rest.body.code).toBe('UNAVAILABLE');
      const write = await organiser.patch(`/sessions/${sessionId}`, { title: 'Đổi tên trong sự cố' });
      expect(write.status).toBe(503);
      // Someone arriving now is told the same, not INTERNAL.
      const arriving = new LiveTestClient(app.url, tokens.binh!);
      clients.push(arriving);
      const refused = await arriving.join(sessionId).catch((e: Error & { data?: unknown }) => e.data);
      expect(refused).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
      // The web app's connection opened now is refused the same way, and keeps trying by itself.
      const browser = new LiveConnection(sessionId, tokens.binh!, 'vi', app.url);
      browsers.push(browser);
      browser.subscribe(() => {});
      // The room as everyone sees it did not move.
      expect(presenter.snapshot!.seq).toBe(seqBefore);

      await pg.resume();
      await until(
        async () => (await api.get('/health')).body,
        (h) => h.status === 'ok' && h.database.status === 'up',
        60_000,
      );
      expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(200);

      // Service resumes with the same process, sockets and pool; the browser that arrived meanwhile gets in.
      await until(
        async () => browser.getView(),
        (v) => v.status === 'online' && v.snapshot !== null,
        30_000,
      );
      expect((await an.send('question:ask', { text: 'Câu hỏi sau sự cố?' })).ok).toBe(true);
      expect((await presenter.send('slide:go', { deckId, page: 4 })).ok).toBe(true);
      expect((await organiser.get(`/sessions/${sessionId}`)).body.title).toBe(
        `Hội nghị khi CSDL dừng (${mode})`,
      );
      const late = await join('binh');
      expect(late.snapshot!.questions.map((q) => q.text).sort()).toEqual(
        ['Câu hỏi sau sự cố?', 'Câu hỏi trước sự cố?'].sort(),
      );
      expect(late.snapshot!.slide.page).toBe(4);
      expect(late.snapshot!.hands).toEqual([]);
      expect(late.snapshot!.polls).toEqual([]);
      const facts = await app.prisma.liveFact.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
      expect(facts.map((f) => f.seq)).toEqual(facts.map((_, i) => i + 1));
    },
  );
});
