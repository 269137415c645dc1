import type { LiveAck } from '@hallbridge/contracts';
import { LiveConnection } from '../../apps/web/src/live/live-connection';
import { organisationFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { LoadBalancer } from '../support/load-balancer';
import { startProduct, type Product } from '../support/product';
import { startRedis, type RedisServer } from '../support/redis-server';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// Instance A is its own process (the built product), so it can be killed; B runs in this process.
const shared = databases.includes('postgresql') ? describe : describe.skip;
const AUTH_SECRET = 'test-secret-that-is-long-enough-for-hs256';
const HEARTBEAT = { ATTENDANCE_HEARTBEAT_MS: '1000' };

interface Sent {
  kind: 'question' | 'chat';
  text: string;
  ack: LiveAck | { ok: false; code: 'THROWN' };
}

shared('fault: one of two instances killed with SIGKILL mid-session (postgresql)', () => {
  let redis: RedisServer;
  let a: Product;
  let b: TestApp;
  let lb: LoadBalancer;
  const members: LiveConnection[] = [];
  let presenter: LiveTestClient | null = null;

  beforeAll(async () => {
    redis = await startRedis();
    // B migrates the database; A, the built product, joins it.
    b = await startTestApp('postgresql', { REDIS_URL: redis.url, ...HEARTBEAT });
    a = await startProduct({
      DATABASE_URL: b.running.db.url,
      REDIS_URL: redis.url,
      AUTH_SECRET,
      ...HEARTBEAT,
    });
    lb = await LoadBalancer.start([a.url, b.url]);
  });
  afterAll(async () => {
    members.forEach((m) => m.close());
    presenter?.close();
    await lb?.stop();
    await a?.stop();
    await b?.close();
    await redis?.stop();
  });

  it('moves its clients to the other instance, losing and doubling nothing acknowledged', async () => {
    const org = await organisationFactory(b.prisma);
    const { organiser, sessionId, tokens } = await invitedSession(
      b.url,
      org,
      'Hội nghị khi một máy chủ chết',
    );
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    presenter = new LiveTestClient(b.url, tokens.presenter!);
    expect((await presenter.join(sessionId)).ok).toBe(true);
    expect(
      (
        await presenter.send('poll:save', {
          poll: {
            question: 'Đồng chí có tán thành?',
            kind: 'single',
            options: [
              { id: 'a', label: 'Tán thành' },
              { id: 'b', label: 'Chưa tán thành' },
            ],
          },
        })
      ).ok,
    ).toBe(true);
    const pollId = (await presenter.until((s) => s.polls.length === 1)).polls[0]!.id;
    expect((await presenter.send('poll:open', { pollId })).ok).toBe(true);

    // Both members' browsers (the web app's own connection) reach A through the balancer.
    const connect = async (who: 'an' | 'binh') => {
      const member = new LiveConnection(sessionId, tokens[who]!, 'vi', lb.url);
      members.push(member);
      member.subscribe(() => {});
      await until(
        async () => member.getView().status,
        (s) => s === 'online',
      );
      return member;
    };
    const an = await connect('an');
    const binh = await connect('binh');
    expect(lb.served.every((origin) => origin === a.url)).toBe(true);

    const sent: Sent[] = [];
    const send = async (member: LiveConnection, kind: Sent['kind'], text: string) => {
      for (;;) {
        const ack = await member
          .send(kind === 'question' ? 'question:ask' : 'chat:send', { text })
          .catch(() => ({ ok: false as const, code: 'THROWN' as const }));
        // Faster than a person types: wait as the server says, like the web app, and send it again.
        if (!ack.ok && ack.code === 'RATE_LIMITED') {
          await new Promise((r) => setTimeout(r, (ack as { retryAfterMs?: number }).retryAfterMs ?? 1000));
          continue;
        }
        sent.push({ kind, text, ack });
        return ack;
      }
    };
    expect((await an.send('poll:answer', { pollId, answer: ['a'] })).ok).toBe(true);
    expect((await an.send('hand:raise', {})).ok).toBe(true);

    // Each member keeps asking and chatting; A is killed in the middle of it.
    const talk = (member: LiveConnection, who: string, from: number, to: number) =>
      (async () => {
        for (let i = from; i <= to; i++) {
          await send(member, 'question', `Câu hỏi ${who} ${i}?`);
          await send(member, 'chat', `Tin nhắn ${who} ${i}`);
        }
      })();
    const before = Promise.all([talk(an, 'An', 1, 5), talk(binh, 'Bình', 1, 5)]);
    await until(
      async () => sent.length,
      (n) => n >= 6,
    );
    a.process.kill('SIGKILL');
    // Sent while A is dying or dead: these wait for the reconnection and go through B.
    const vote = binh.send('poll:answer', { pollId, answer: ['b'] });
    const hand = binh.send('hand:raise', {});
    await before;
    const [voteAck, handAck] = await Promise.all([vote, hand]);
    await Promise.all([talk(an, 'An', 6, 8), talk(binh, 'Bình', 6, 8)]);

    // Both are back online through B and see what the presenter sees.
    for (const member of [an, binh])
      await until(
        async () => ({ view: member.getView(), seq: presenter!.snapshot!.seq }),
        ({ view, seq }) => view.status === 'online' && view.snapshot?.seq === seq,
      );
    expect(lb.served.at(-1)).toBe(b.url);

    // Everything acknowledged is stored exactly once; nothing is stored twice; a refusal left nothing.
    const facts = await b.prisma.liveFact.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });
    expect(facts.map((f) => f.seq)).toEqual(facts.map((_, i) => i + 1));
    const storedTexts = facts
      .filter((f) => f.type === 'question.asked' || f.type === 'chat.sent')
      .map((f) => (f.payload as { text: string }).text);
    const count = (text: string) => storedTexts.filter((t) => t === text).length;
    expect(sent.length).toBe(32);
    for (const { text, ack } of sent) {
      if (ack.ok) expect({ text, stored: count(text) }).toEqual({ text, stored: 1 });
      else expect({ text, stored: count(text) }).toEqual({ text, stored: 0 });
    }
    expect(new Set(storedTexts).size).toBe(storedTexts.length);
    // With the web client's retries nothing should need refusing at all.
    expect(sent.filter((s) => !s.ack.ok)).toEqual([]);

    // The presenter (on B all along) sees each question and chat once, both votes and both hands.
    const view = await presenter.until(
      (s) => s.tallies.some((t) => t.pollId === pollId && t.respondents === 2) && s.hands.length === 2,
      15_000,
    );
    expect(voteAck.ok && handAck.ok).toBe(true);
    expect(view.tallies.find((t) => t.pollId === pollId)!.counts).toEqual({ a: 1, b: 1 });
    expect(view.questions.map((q) => q.text).sort()).toEqual(
      sent
        .filter((s) => s.kind === 'question')
        .map((s) => s.text)
        .sort(),
    );
    expect(view.chat.map((c) => c.text).sort()).toEqual(
      sent
        .filter((s) => s.kind === 'chat')
        .map((s) => s.text)
        .sort(),
    );
    expect(facts.filter((f) => f.type === 'poll.answered')).toHaveLength(2);
    expect(facts.filter((f) => f.type === 'hand.raised')).toHaveLength(2);

    // Attendance: A's connections are closed by the heartbeat rule (A could not say goodbye), and
    // each member has exactly one open interval, through B: not lost, not counted twice.
    for (const member of [org.members.an, org.members.binh]) {
      const intervals = await until(
        () =>
          b.prisma.presenceInterval.findMany({
            where: { sessionId, memberId: member.id, source: 'socket' },
            orderBy: { startedAt: 'asc' },
          }),
        (rows) => rows.length === 2 && rows[0]!.endedAt !== null,
        30_000,
      );
      expect(intervals.map((i) => i.endReason)).toEqual(['stale', null]);
      expect(intervals[0]!.endedAt!.getTime()).toBeLessThanOrEqual(intervals[1]!.startedAt.getTime() + 1000);
    }
  });
});
