import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const embedded = databases.includes('pglite') ? describe : describe.skip;

/** The embedded database server's process, as its lock file names it. */
const serverPid = (app: TestApp): number =>
  (JSON.parse(readFileSync(join(app.dataDir, 'db', 'server.lock'), 'utf8')) as { pid: number }).pid;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

embedded('fault: the embedded PGlite server process dies (pglite)', () => {
  let app: TestApp;
  const clients: LiveTestClient[] = [];

  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app?.close();
  });

  it('is started again by the app, and the room and its data carry on', async () => {
    const org = await organisationFactory(app.prisma);
    const { organiser, sessionId, tokens } = await invitedSession(
      app.url,
      org,
      'Hội nghị khi CSDL nhúng chết',
    );
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    const an = new LiveTestClient(app.url, tokens.an!);
    clients.push(an);
    expect((await an.join(sessionId)).ok).toBe(true);
    for (const i of [1, 2, 3])
      expect((await an.send('question:ask', { text: `Câu hỏi trước sự cố ${i}?` })).ok).toBe(true);

    const pid = serverPid(app);
    process.kill(pid, 'SIGKILL');
    await until(
      async () => alive(pid),
      (running) => !running,
    );

    // Until it is back, a command is refused as unavailable (never INTERNAL) or goes through.
    const acks = [];
    for (let i = 1; ; i++) {
      const ack = await an.send('question:ask', { text: `Câu hỏi trong lúc khởi động lại ${i}?` });
      acks.push(ack);
      if (ack.ok) break;
      expect(ack).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
      if (i > 600) throw new Error(`the embedded database did not come back: ${JSON.stringify(acks.at(-1))}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const newPid = serverPid(app);
    expect(newPid).not.toBe(pid);
    expect(alive(newPid)).toBe(true);
    const health = (await new ApiClient(app.url).get('/health')).body;
    expect(health).toMatchObject({ status: 'ok', database: { status: 'up', kind: 'pglite' } });

    // What was stored before is there, once; the one that went through is there; nothing else.
    const stored = (await app.prisma.liveFact.findMany({ where: { sessionId, type: 'question.asked' } })).map(
      (f) => (f.payload as { text: string }).text,
    );
    const through = `Câu hỏi trong lúc khởi động lại ${acks.length}?`;
    expect(stored.sort()).toEqual(
      [1, 2, 3]
        .map((i) => `Câu hỏi trước sự cố ${i}?`)
        .concat(through)
        .sort(),
    );
    const facts = await app.prisma.liveFact.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
    expect(facts.map((f) => f.seq)).toEqual(facts.map((_, i) => i + 1));
    expect((await organiser.get(`/sessions/${sessionId}`)).status).toBe(200);

    // A member arriving now gets the room as it is.
    const binh = new LiveTestClient(app.url, tokens.binh!);
    clients.push(binh);
    expect((await binh.join(sessionId)).ok).toBe(true);
    expect(binh.snapshot!.questions).toHaveLength(4);
  });
});
