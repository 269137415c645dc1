import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { organisationFactory, readyDeckFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { invitedSession } from '../support/session-tokens';
import { startRedis, type RedisServer } from '../support/redis-server';
import { databases, startTestApp, type TestApp } from '../support/test-app';

// Several instances share one PostgreSQL database (PGlite is one process's) and one Redis.
const shared = databases.includes('postgresql') ? describe : describe.skip;

shared('live rooms shared by two app instances through Redis (postgresql)', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let sessionId: string;
  let deckId: string;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let tokens: Record<string, string>;
  const clients: LiveTestClient[] = [];

  const client = async (who: string, app: TestApp) => {
    const c = new LiveTestClient(app.url, tokens[who]!);
    clients.push(c);
    const ack = await c.join(sessionId);
    if (!ack.ok) throw new Error(`${who} could not join: ${JSON.stringify(ack)}`);
    return c;
  };
  const storedSeqs = async () =>
    (
      await a.prisma.liveFact.findMany({
        where: { sessionId },
        select: { seq: true },
        orderBy: { seq: 'asc' },
      })
    ).map((f) => f.seq);
  const contiguous = (seqs: number[]) => seqs.every((seq, i) => seq === i + 1);

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp('postgresql', { REDIS_URL: redis.url });
    b = await startTestApp('postgresql', { REDIS_URL: redis.url, DATABASE_URL: a.running.db.url });
    org = await organisationFactory(a.prisma);
    ({ sessionId, tokens } = await invitedSession(a.url, org, 'Hội nghị trên hai máy chủ'));
    deckId = (await readyDeckFactory(a.prisma, sessionId, 30)).id;
    // Started through instance B's REST API: the room's first fact comes from there.
    await new ApiClient(b.url).as(tokens.organiser!).post(`/sessions/${sessionId}/transitions`, {
      action: 'start',
    });
  });

  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it('reports Redis in health on both instances', async () => {
    for (const app of [a, b])
      expect((await new ApiClient(app.url).get('/health')).body.redis).toEqual({ status: 'up' });
  });

  it('shows a slide changed on one instance on the other, every step in order, and to late joiners', async () => {
    const presenter = await client('presenter', a);
    const an = await client('an', b);
    await an.until((s) => s.state === 'live');
    for (const page of [2, 3, 4, 5])
      expect((await presenter.send('slide:go', { deckId, page })).ok).toBe(true);
    await an.until((s) => s.slide.page === 5);
    const pages = an.events.filter((e) => e.type === 'slide.changed').map((e) => e.slide.page);
    expect(pages).toEqual([2, 3, 4, 5]);
    const seqs = an.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));

    const late = await client('binh', b);
    expect(late.snapshot!.slide.page).toBe(5);
    expect(late.snapshot!.seq).toBe(presenter.snapshot!.seq);
  });

  it('keeps one sequence when both instances take commands at once', async () => {
    const an = await client('an', b);
    const binh = await client('binh', a);
    const asks = [an, binh].flatMap((c, who) =>
      Array.from({ length: 10 }, (_, i) =>
        c.send('question:ask', { text: `Câu hỏi ${who}-${i} về nghị quyết?` }),
      ),
    );
    const acks = await Promise.all(asks);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const seqs = await storedSeqs();
    expect(contiguous(seqs)).toBe(true);
    const mine = (s: { questions: { text: string }[] }) =>
      s.questions.filter((q) => q.text.startsWith('Câu hỏi '));
    await an.until((s) => mine(s).length === 20 && s.seq === seqs.at(-1));
    await binh.until((s) => mine(s).length === 20 && s.seq === seqs.at(-1));
  });

  it('counts answers given on both instances in one tally, seen from both', async () => {
    const presenter = await client('presenter', a);
    const organiser = await client('organiser', b);
    const an = await client('an', b);
    const binh = await client('binh', a);
    const site = await client('site', b);
    await presenter.send('poll:save', {
      poll: {
        question: 'Nội dung nào cần đi sâu?',
        kind: 'single',
        options: [
          { id: 'a', label: 'Kinh tế' },
          { id: 'b', label: 'Xây dựng Đảng' },
        ],
      },
    });
    const pollId = (await presenter.until((s) => s.polls.length > 0)).polls.at(-1)!.id;
    await presenter.send('poll:open', { pollId });
    await an.until((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'));
    const acks = await Promise.all([
      an.send('poll:answer', { pollId, answer: ['a'] }),
      binh.send('poll:answer', { pollId, answer: ['b'] }),
      site.send('poll:site-count', { pollId, counts: { a: 12, b: 3 } }),
    ]);
    expect(acks.map((ack) => ack.ok)).toEqual([true, true, true]);
    for (const staff of [presenter, organiser]) {
      const tally = (
        await staff.until((s) =>
          s.tallies.some((t) => t.pollId === pollId && t.respondents === 2 && t.sitesReporting === 1),
        )
      ).tallies.find((t) => t.pollId === pollId);
      expect(tally).toMatchObject({ counts: { a: 1, b: 1 }, siteCounts: { a: 12, b: 3 } });
    }
    // A second answer from An through the other instance is refused as it is in one process.
    const again = await client('an', a);
    expect(await again.send('poll:answer', { pollId, answer: ['b'] })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('runs a command retried on the other instance once, with the same answer', async () => {
    const onB = await client('an', b);
    const onA = await client('an', a);
    const commandId = randomUUID();
    const text = 'Câu hỏi gửi lại qua máy chủ khác?';
    // Earlier tests may have spent the room's posts: the first send waits them out, as a phone would.
    const first = await onB.sendPatiently('question:ask', { text }, commandId);
    const retry = await onA.send('question:ask', { text }, commandId);
    expect(first.ok).toBe(true);
    expect(retry).toEqual(first);
    await onA.until((s) => s.seq >= (first as { seq: number }).seq);
    expect(onA.snapshot!.questions.filter((q) => q.text === text)).toHaveLength(1);
  });

  it('adds up presence across instances and notices who left', async () => {
    const organiser = await client('organiser', b);
    const anHere = await client('an', a);
    const anThere = await client('an', b);
    const binh = await client('binh', a);
    const [anKey, binhKey] = [`m:${org.members.an.id}`, `m:${org.members.binh.id}`];
    const present = (key: string) => organiser.snapshot!.participants.find((p) => p.key === key);
    await organiser.until(() => present(binhKey) !== undefined && present(anKey)?.connections === 2);
    binh.close();
    anThere.close();
    await organiser.until(() => present(binhKey) === undefined && present(anKey)?.connections === 1);
    expect(anHere.snapshot!.participantCount).toBeGreaterThan(0);
    // A client joining on the other instance is told who is there too.
    const presenter = await client('presenter', a);
    await presenter.until((s) => s.participants.some((p) => p.key === `u:${org.users.organiser.id}`));
  });

  it('brings a member who reconnects to the other instance up to date', async () => {
    const presenter = await client('presenter', a);
    const an = await client('an', a);
    await an.until((s) => s.seq === presenter.snapshot!.seq);
    const lastSeen = an.snapshot!;
    an.close();
    await presenter.send('slide:go', { deckId, page: 12 });
    const back = new LiveTestClient(b.url, tokens.an!);
    clients.push(back);
    back.snapshot = lastSeen;
    const ack = await back.join(sessionId);
    expect(ack.ok).toBe(true);
    expect(back.snapshot!.slide.page).toBe(12);
    expect(back.snapshot!.seq).toBe((await storedSeqs()).at(-1));
  });
});
