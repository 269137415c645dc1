import { ApiClient } from '../support/api-client';
import { organisationFactory, readyDeckFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { startRedis, type RedisServer } from '../support/redis-server';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// Two instances share one PostgreSQL database and one Redis; Redis goes away and comes back.
const shared = databases.includes('postgresql') ? describe : describe.skip;

shared('fault: Redis restarted under two instances (postgresql)', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  const clients: LiveTestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp('postgresql', { REDIS_URL: redis.url });
    b = await startTestApp('postgresql', { REDIS_URL: redis.url, DATABASE_URL: a.running.db.url });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  const health = async (app: TestApp) => (await new ApiClient(app.url).get('/health')).body;

  it('says degraded, refuses live changes with UNAVAILABLE, and recovers by itself', async () => {
    const org = await organisationFactory(a.prisma);
    const { organiser, sessionId, tokens } = await invitedSession(
      a.url,
      org,
      'Hội nghị khi Redis khởi động lại',
    );
    const deckId = (await readyDeckFactory(a.prisma, sessionId, 10)).id;
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    const join = async (who: string, app: TestApp) => {
      const c = new LiveTestClient(app.url, tokens[who]!);
      clients.push(c);
      expect((await c.join(sessionId)).ok).toBe(true);
      return c;
    };
    const presenter = await join('presenter', a);
    const an = await join('an', b);
    expect((await an.send('question:ask', { text: 'Câu hỏi trước sự cố?' })).ok).toBe(true);
    await presenter.until((s) => s.questions.some((q) => q.text === 'Câu hỏi trước sự cố?'));
    const factsBefore = await a.prisma.liveFact.count({ where: { sessionId } });

    await redis.stop();
    for (const app of [a, b])
      await until(
        () => health(app),
        (h) => h.status === 'degraded' && h.redis.status === 'down',
      );

    // Nothing can be decided safely without the room's lock: a clear refusal, on either instance.
    const during = await Promise.all([
      an.send('question:ask', { text: 'Câu hỏi trong sự cố?' }),
      presenter.send('slide:go', { deckId, page: 2 }),
      an.send('hand:raise', {}),
    ]);
    for (const ack of during) expect(ack).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect(during.every((ack) => !ack.ok && typeof ack.message === 'string' && ack.message.length > 0)).toBe(
      true,
    );
    expect(await a.prisma.liveFact.count({ where: { sessionId } })).toBe(factsBefore);
    // What needs no Redis goes on: reading over REST, signing in.
    expect((await organiser.get(`/sessions/${sessionId}`)).status).toBe(200);

    redis = await startRedis(redis.port);
    for (const app of [a, b])
      await until(
        () => health(app),
        (h) => h.status === 'ok' && h.redis.status === 'up',
      );

    // No restart of the instances: commands go through again and reach the other instance's sockets.
    const again = await until(
      () => an.send('question:ask', { text: 'Câu hỏi sau sự cố?' }),
      (ack) => ack.ok,
    );
    expect(again.ok).toBe(true);
    await presenter.until((s) => s.questions.some((q) => q.text === 'Câu hỏi sau sự cố?'), 15_000);
    expect(await presenter.send('slide:go', { deckId, page: 2 })).toMatchObject({ ok: true });
    const late = await join('binh', b);
    expect(late.snapshot!.questions.map((q) => q.text)).toEqual(
      expect.arrayContaining(['Câu hỏi trước sự cố?', 'Câu hỏi sau sự cố?']),
    );
    expect(late.snapshot!.questions.map((q) => q.text)).not.toContain('Câu hỏi trong sự cố?');
    const seqs = (
      await a.prisma.liveFact.findMany({
        where: { sessionId },
        select: { seq: true },
        orderBy: { seq: 'asc' },
      })
    ).map((f) => f.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
