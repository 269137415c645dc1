import { LiveConnection } from '../../apps/web/src/live/live-connection';
import { organisationFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { LoadBalancer } from '../support/load-balancer';
import { startRedis, type RedisServer } from '../support/redis-server';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// Two instances share one PostgreSQL database and one Redis, behind a load balancer.
const shared = databases.includes('postgresql') ? describe : describe.skip;

shared('graceful shutdown: a draining instance hands its live connections over (postgresql)', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let lb: LoadBalancer;
  let member: LiveConnection | null = null;
  let presenter: LiveTestClient | null = null;

  beforeAll(async () => {
    redis = await startRedis();
    // A waits a moment as not-ready before it stops accepting, as behind a front with health checks.
    a = await startTestApp('postgresql', { REDIS_URL: redis.url, SHUTDOWN_DELAY_MS: '300' });
    b = await startTestApp('postgresql', { REDIS_URL: redis.url, DATABASE_URL: a.running.db.url });
    lb = await LoadBalancer.start([a.url, b.url]);
  });
  afterAll(async () => {
    member?.close();
    presenter?.close();
    await lb?.stop();
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it('moves a member of the draining instance to the other one, losing nothing', async () => {
    const org = await organisationFactory(b.prisma);
    const { organiser, sessionId, tokens } = await invitedSession(b.url, org, 'Hội nghị chuyển máy chủ');
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    presenter = new LiveTestClient(b.url, tokens.presenter!);
    expect((await presenter.join(sessionId)).ok).toBe(true);

    // The member's browser (the web app's own connection class) reaches instance A through the balancer.
    member = new LiveConnection(sessionId, tokens.an!, 'vi', lb.url);
    const unsubscribe = member.subscribe(() => {});
    await until(
      async () => member!.getView().status,
      (s) => s === 'online',
    );
    expect(lb.served.every((origin) => origin === a.url)).toBe(true);
    const ask = (text: string) => member!.send('question:ask', { text });
    for (const i of [1, 2, 3]) expect((await ask(`Câu hỏi trước khi chuyển ${i}?`)).ok).toBe(true);

    // SIGTERM on A: it drains while the member keeps asking.
    const stopped = a.running.close();
    expect((await fetch(`${a.url}/api/health/ready`)).status).toBe(503);
    const during = Array.from({ length: 8 }, (_, i) => ask(`Câu hỏi trong lúc chuyển ${i + 1}?`));
    await stopped;
    const acks = await Promise.all(during);
    expect(acks).toEqual(acks.map(() => expect.objectContaining({ ok: true })));

    // The member is back online, through B, up to date with what the presenter on B sees.
    await until(
      async () => ({
        presenter: presenter!.snapshot?.seq,
        events: presenter!.events.map((e) => e.seq),
        view: member!.getView(),
      }),
      ({ view, presenter }) => view.status === 'online' && view.snapshot?.seq === presenter,
    );
    expect(lb.served.at(-1)).toBe(b.url);
    const texts = (questions: { text: string }[]) => questions.map((q) => q.text).sort();
    const asked = [
      ...[1, 2, 3].map((i) => `Câu hỏi trước khi chuyển ${i}?`),
      ...Array.from({ length: 8 }, (_, i) => `Câu hỏi trong lúc chuyển ${i + 1}?`),
    ].sort();
    expect(texts(member.getView().snapshot!.questions)).toEqual(asked);
    await presenter.until((s) => s.questions.length === asked.length);
    expect(texts(presenter.snapshot!.questions)).toEqual(asked);

    // Stored once each, in one unbroken sequence.
    const facts = await b.prisma.liveFact.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
    expect(facts.map((f) => f.seq)).toEqual(facts.map((_, i) => i + 1));
    expect(facts.filter((f) => f.type === 'question.asked')).toHaveLength(asked.length);

    // Attendance: the member left A saying goodbye, and is present through B.
    const intervals = await b.prisma.presenceInterval.findMany({
      where: { sessionId, memberId: org.members.an.id, source: 'socket' },
      orderBy: { startedAt: 'asc' },
    });
    expect(intervals.map((i) => i.endReason)).toEqual(['goodbye', null]);
    unsubscribe();
  });
});
