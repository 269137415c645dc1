import type { LiveAck } from '@hallbridge/contracts';
import { ROOM_CAPS } from '@hallbridge/domain';
import { LIVE_LIMITS } from '../../apps/api/src/live/live-limits';
import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { startRedis, type RedisServer } from '../support/redis-server';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

type Refusal = Extract<LiveAck, { ok: false }>;
const refused = (ack: LiveAck): ack is Refusal => !ack.ok && ack.code === 'RATE_LIMITED';
/** A command the gateway counts and then refuses as malformed: floods without touching the room. */
const malformed = (c: LiveTestClient) => c.raw('hand:raise', { sessionId: 'not a session' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Joins `count` sockets of one person to the session, `apps` taking turns. */
async function sockets(apps: TestApp[], token: string, sessionId: string, count: number) {
  const list: LiveTestClient[] = [];
  for (let i = 0; i < count; i++) {
    const c = new LiveTestClient(apps[i % apps.length]!.url, token);
    list.push(c);
    for (;;) {
      const ack = await c.join(sessionId);
      if (ack.ok) break;
      // Joining counts too: 40 joins in a row meet the person's limit; wait as told.
      if (!refused(ack)) throw new Error(`join: ${JSON.stringify(ack)}`);
      await sleep(ack.retryAfterMs!);
    }
  }
  return list;
}

/** Sends malformed commands on `first` until one is refused for the rate; returns that refusal. */
async function exhaust(first: LiveTestClient): Promise<Refusal> {
  for (let i = 0; i < 10 * LIVE_LIMITS.person.points; i++) {
    const ack = await malformed(first);
    if (refused(ack)) return ack;
    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  }
  throw new Error('never rate limited');
}

/**
 * One person is throttled as one person whatever the number of their sockets: the others are refused
 * at once, with a retry-after no later than the first refusal's, and stay connected. Run again if the
 * count's window happened to end between the two (the check is only meaningful inside it).
 */
async function throttledAsOne(all: LiveTestClient[]): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await exhaust(all[0]!);
    const windowEnds = Date.now() + first.retryAfterMs!;
    const others = await Promise.all(all.slice(1).map(malformed));
    if (Date.now() >= windowEnds) continue;
    for (const ack of others) {
      expect(ack).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
      expect((ack as Refusal).retryAfterMs).toBeGreaterThan(0);
      expect((ack as Refusal).retryAfterMs).toBeLessThanOrEqual(first.retryAfterMs! + 50);
    }
    expect(all.every((c) => c.socket.connected)).toBe(true);
    await sleep(first.retryAfterMs! + 50);
    return;
  }
  throw new Error('the window kept ending mid-check');
}

describe.each(databases)('live limits per person and caps on a room (%s)', (kind) => {
  let app: TestApp;
  let sessionId: string;
  let tokens: Record<string, string>;
  const clients: LiveTestClient[] = [];
  const track = (list: LiveTestClient[]) => (clients.push(...list), list);

  beforeAll(async () => {
    app = await startTestApp(kind);
    const org = await organisationFactory(app.prisma);
    const started = await invitedSession(app.url, org, 'Hội nghị có giới hạn');
    ({ sessionId, tokens } = started);
    await started.organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => app?.close());

  it('throttles one member on 40 sockets like one socket, disconnecting nobody and sparing others', async () => {
    const an = track(await sockets([app], tokens.an!, sessionId, 40));
    const [binh] = track(await sockets([app], tokens.binh!, sessionId, 1));
    await throttledAsOne(an);
    // While An was refused, Bình went on as usual.
    expect(await binh!.send('chat:send', { text: 'Bình vẫn gửi được' })).toMatchObject({ ok: true });
  });

  it('keeps the snapshot small after 2,000 questions from one member, and health answers throughout', async () => {
    const an = track(await sockets([app], tokens.an!, sessionId, 10));
    const health: number[] = [];
    let flooding = true;
    const probe = (async () => {
      while (flooding) health.push((await new ApiClient(app.url).get('/health')).status);
    })();
    const acks: LiveAck[] = [];
    // 2,000 questions over 10 sockets, 200 each, as fast as the server answers.
    await Promise.all(
      an.map(async (c, s) => {
        for (let i = 0; i < 200; i++)
          acks.push(await c.send('question:ask', { text: `Câu hỏi ${s}-${i} `.padEnd(1000, 'x') }));
      }),
    );
    flooding = false;
    await probe;
    expect(acks).toHaveLength(2000);
    const ok = acks.filter((a) => a.ok).length;
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThanOrEqual(ROOM_CAPS.questionsPerPerson);
    expect(acks.every((a) => a.ok || a.code === 'RATE_LIMITED' || a.code === 'CONFLICT')).toBe(true);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    expect(an.every((c) => c.socket.connected)).toBe(true);

    const [late] = track(await sockets([app], tokens.organiser!, sessionId, 1));
    const size = Buffer.byteLength(JSON.stringify(late!.snapshot));
    expect(size).toBeLessThan(100_000);
    expect(late!.snapshot!.questions.length).toBeLessThanOrEqual(ROOM_CAPS.questionsPerPerson);
  });

  it('keeps at most 20 chat messages of one person in the snapshot, the others’ stay', async () => {
    const [binh] = track(await sockets([app], tokens.binh!, sessionId, 1));
    // The room's posts may still be spent by the test before: Bình waits as his phone would.
    expect(await binh!.sendPatiently('chat:send', { text: 'Lời chào của Bình' })).toMatchObject({ ok: true });
    const [an] = track(await sockets([app], tokens.an!, sessionId, 1));
    let sent = 0;
    while (sent < ROOM_CAPS.chatKeptPerPerson + 5) {
      const ack = await an!.send('chat:send', { text: `An nhắn lần ${sent}` });
      if (refused(ack)) await sleep(ack.retryAfterMs!);
      else if (ack.ok) sent++;
      else throw new Error(JSON.stringify(ack));
    }
    const [late] = track(await sockets([app], tokens.presenter!, sessionId, 1));
    const chat = late!.snapshot!.chat;
    const fromAn = chat.filter((m) => m.text.startsWith('An nhắn lần '));
    expect(fromAn).toHaveLength(ROOM_CAPS.chatKeptPerPerson);
    expect(fromAn.at(-1)!.text).toBe(`An nhắn lần ${sent - 1}`);
    expect(chat.some((m) => m.text === 'Lời chào của Bình')).toBe(true);
  });
});

// Two instances share one PostgreSQL database (PGlite is one process's) and one Redis.
const shared = databases.includes('postgresql') ? describe : describe.skip;

shared('live limits shared by two instances through Redis (postgresql)', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let sessionId: string;
  let tokens: Record<string, string>;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  const clients: LiveTestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    // Attendance readings kept for ten minutes: only a cross-instance invalidation can refresh one.
    const env = { REDIS_URL: redis.url, ATTENDANCE_CACHE_MS: '600000' };
    a = await startTestApp('postgresql', env);
    b = await startTestApp('postgresql', { ...env, DATABASE_URL: a.running.db.url });
    org = await organisationFactory(a.prisma);
    const started = await invitedSession(a.url, org, 'Hội nghị trên hai máy chủ có giới hạn');
    ({ sessionId, tokens } = started);
    await started.organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it('counts a member’s sockets on both instances as one person', async () => {
    const an = await sockets([a, b], tokens.an!, sessionId, 40);
    clients.push(...an);
    // Exhausted through instance A, refused on B's sockets too.
    await throttledAsOne(an);
    const [binh] = await sockets([b], tokens.binh!, sessionId, 1);
    clients.push(binh!);
    expect(await binh!.send('chat:send', { text: 'Bình trên máy chủ B' })).toMatchObject({ ok: true });
  });

  it('limits a room’s chat across instances', async () => {
    const people = ['an', 'binh', 'presenter', 'organiser'];
    const list = await Promise.all(
      people.map((who, i) => sockets([i % 2 ? b : a], tokens[who]!, sessionId, 1)),
    );
    clients.push(...list.flat());
    // Together they send more than the room takes in one window; the room refuses the rest.
    const acks = await Promise.all(
      list
        .flat()
        .flatMap((c, i) =>
          Array.from({ length: 15 }, (_, j) => c.send('chat:send', { text: `Tin ${i}-${j}` })),
        ),
    );
    const ok = acks.filter((x) => x.ok).length;
    expect(acks.filter(refused).length + ok).toBe(acks.length);
    expect(ok).toBeLessThanOrEqual(2 * LIVE_LIMITS.roomPosts.points);
    expect(acks.some(refused)).toBe(true);
  });

  it('counts one address’s REST calls on both instances together', async () => {
    // Pairing takes 10 tries a minute per address: 6 on each instance pass only if each counts alone.
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new ApiClient(i % 2 ? b.url : a.url).post('/auth/pair', { code: `ZZZZ${i}` }),
      ),
    );
    const limited = tries.filter((t) => t.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((t) => t.body.code === 'RATE_LIMITED')).toBe(true);
    expect(tries.filter((t) => t.status !== 429).every((t) => t.status < 500)).toBe(true);
  });

  it('clears an attendance reading on every instance when it changes on one', async () => {
    const organiserOn = (app: TestApp) => new ApiClient(app.url).as(tokens.organiser!);
    const an = (body: { members: { fullName: string; excuse: unknown }[] }) =>
      body.members.find((m) => m.fullName === 'Nguyễn Văn An');
    const before = await organiserOn(b).get(`/sessions/${sessionId}/attendance`);
    expect(before.status).toBe(200);
    expect(an(before.body)!.excuse).toBeNull();
    const excused = await organiserOn(a).post(`/sessions/${sessionId}/attendance/excuses`, {
      memberId: org.members.an.id,
      reason: 'illness',
      why: 'Giấy ốm',
    });
    expect(excused.status).toBe(204);
    // The message between instances is asynchronous: B drops its reading when it arrives.
    const deadline = Date.now() + 10_000;
    let after = await organiserOn(b).get(`/sessions/${sessionId}/attendance`);
    while (!an(after.body)!.excuse && Date.now() < deadline) {
      await sleep(100);
      after = await organiserOn(b).get(`/sessions/${sessionId}/attendance`);
    }
    expect(an(after.body)!.excuse).toMatchObject({ reason: 'illness' });
  });
});
