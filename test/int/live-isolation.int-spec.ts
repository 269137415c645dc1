import { randomUUID } from 'node:crypto';
import { organisationFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

/**
 * The database refusing one fact must fail only the command that made it. The refusal is a real
 * one (a trigger on LiveFact raising an exception for a marked text), as a row PostgreSQL cannot
 * store would be; a second marked text makes the database slow for one write, so the commands sent
 * meanwhile are stored together in the next write (group commit) — the case that once failed them all.
 */
describe.each(databases)('one failing fact fails only its own command (%s)', (kind) => {
  let app: TestApp;
  const rooms: { sessionId: string; tokens: Record<string, string> }[] = [];
  const clients: LiveTestClient[] = [];
  const closed: unknown[] = [];

  const client = async (room: (typeof rooms)[number], who: string) => {
    const c = new LiveTestClient(app.url, room.tokens[who]!);
    c.socket.on('live:closed', (reason) => closed.push(reason));
    clients.push(c);
    const ack = await c.join(room.sessionId);
    if (!ack.ok) throw new Error(`${who} could not join: ${JSON.stringify(ack)}`);
    return c;
  };
  const stored = (sessionId: string) =>
    app.prisma.liveFact.findMany({ where: { sessionId }, orderBy: { seq: 'asc' } });

  beforeAll(async () => {
    app = await startTestApp(kind);
    const org = await organisationFactory(app.prisma);
    for (const title of ['Hội nghị thứ nhất', 'Hội nghị thứ hai', 'Hội nghị thứ ba']) {
      const { organiser, sessionId, tokens } = await invitedSession(app.url, org, title);
      await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
      rooms.push({ sessionId, tokens });
    }
    await app.prisma.$executeRawUnsafe(`CREATE FUNCTION hb_test_refuse() RETURNS trigger AS $$ BEGIN
      IF NEW.payload->>'text' = 'slow fact' THEN PERFORM pg_sleep(0.4); END IF;
      IF NEW.payload->>'text' = 'refused fact' THEN RAISE EXCEPTION 'refused by the test';  END IF;
      IF NEW.payload->>'text' = 'unavailable fact' THEN RAISE EXCEPTION 'gone' USING ERRCODE = '57P01'; END IF;
      RETURN NEW; END $$ LANGUAGE plpgsql`);
    await app.prisma.$executeRawUnsafe(
      `CREATE TRIGGER hb_test_refuse BEFORE INSERT ON "LiveFact" FOR EACH ROW EXECUTE FUNCTION hb_test_refuse()`,
    );
  });

  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => app?.close());

  it('stores everyone else’s commands of the same write, in both sessions, and closes no room', async () => {
    const [first, second, third] = rooms as [(typeof rooms)[0], (typeof rooms)[0], (typeof rooms)[0]];
    const an = await client(first, 'an');
    const binh = await client(first, 'binh');
    const presenter = await client(first, 'presenter');
    const other = await client(second, 'an');
    // A slow write in a third session: both sessions' rounds wait for the next write, together.
    const slow = (await client(third, 'binh')).send('chat:send', { text: 'slow fact' });
    await new Promise((r) => setTimeout(r, 100));
    const burst = await Promise.all([
      binh.send('chat:send', { text: 'refused fact' }),
      ...Array.from({ length: 5 }, (_, i) => an.send('chat:send', { text: `Tin nhắn ${i}` })),
      binh.send('hand:raise', { topic: 'Xin phát biểu' }),
      presenter.send('settings:update', { settings: { questionsModerated: true } }),
      ...Array.from({ length: 5 }, (_, i) => other.send('question:ask', { text: `Câu hỏi ${i}?` })),
    ]);
    expect(await slow).toMatchObject({ ok: true });
    const [refused, ...rest] = burst;
    expect(refused).toMatchObject({ ok: false, code: 'NOT_STORED', message: expect.stringMatching(/\S/) });
    expect(rest.map((ack) => ack.ok)).toEqual(rest.map(() => true));

    // Everything but the refused fact is stored, in one gap-free sequence per session.
    for (const room of rooms) {
      const seqs = (await stored(room.sessionId)).map((f) => f.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    const texts = (await stored(first.sessionId)).map((f) => (f.payload as { text?: string }).text);
    expect(texts).not.toContain('refused fact');
    expect(texts).toEqual(expect.arrayContaining(['Tin nhắn 0', 'Tin nhắn 4']));
    const seen = await presenter.until(
      (s) => s.chat.length === 5 && s.hands.length === 1 && s.settings.questionsModerated,
    );
    expect(seen.chat.map((m) => m.text)).not.toContain('refused fact');
    await other.until((s) => s.questions.length === 5);
    expect(closed).toEqual([]);
    // A newcomer's snapshot is what the database holds.
    const late = await client(first, 'organiser');
    expect(late.snapshot!.seq).toBe((await stored(first.sessionId)).at(-1)!.seq);
    expect(late.snapshot!.chat).toHaveLength(5);
  });

  it('keeps command ids apart per person: a presenter’s id that a member used runs', async () => {
    const [room] = rooms as [(typeof rooms)[0]];
    const an = await client(room, 'an');
    const presenter = await client(room, 'presenter');
    const commandId = randomUUID();
    expect(await an.send('hand:lower', {}, commandId)).toMatchObject({ ok: true });
    expect(
      await presenter.send('settings:update', { settings: { chatEnabled: false } }, commandId),
    ).toMatchObject({ ok: true });
    await an.until((s) => !s.settings.chatEnabled);
    await presenter.send('settings:update', { settings: { chatEnabled: true } });

    // The finding's own case: the presenter's poll:close under an id a member used closes the poll.
    expect(
      await presenter.send('poll:save', {
        poll: {
          question: 'Đồng chí đã đọc tài liệu chưa?',
          kind: 'single',
          options: [
            { id: 'a', label: 'Rồi' },
            { id: 'b', label: 'Chưa' },
          ],
        },
      }),
    ).toMatchObject({ ok: true });
    const pollId = (await presenter.until((s) => s.polls.length > 0)).polls.at(-1)!.id;
    expect(await presenter.send('poll:open', { pollId })).toMatchObject({ ok: true });
    await an.until((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'));
    const used = randomUUID();
    expect(await an.send('poll:answer', { pollId, answer: ['a'] }, used)).toMatchObject({ ok: true });
    expect(await presenter.send('poll:close', { pollId }, used)).toMatchObject({ ok: true });
    await an.until((s) => s.polls.some((p) => p.id === pollId && p.status === 'closed'));
  });

  it('answers a retry after a transient failure afresh instead of repeating the failure', async () => {
    const [room] = rooms as [(typeof rooms)[0]];
    const an = await client(room, 'an');
    const commandId = randomUUID();
    expect(await an.send('chat:send', { text: 'unavailable fact' }, commandId)).toMatchObject({
      ok: false,
      code: 'UNAVAILABLE',
    });
    await app.prisma.$executeRawUnsafe(`DROP TRIGGER hb_test_refuse ON "LiveFact"`);
    const retry = await an.send('chat:send', { text: 'unavailable fact' }, commandId);
    expect(retry).toMatchObject({ ok: true });
    expect(await an.send('chat:send', { text: 'unavailable fact' }, commandId)).toEqual(retry);
    await an.until((s) => s.chat.filter((m) => m.text === 'unavailable fact').length === 1);
  });

  it('runs a command sent right after joining, before the join was answered', async () => {
    const [room] = rooms as [(typeof rooms)[0]];
    const binh = new LiveTestClient(app.url, room.tokens.binh!);
    clients.push(binh);
    await binh.connected();
    binh.socket.emit('room:join', { sessionId: room.sessionId }, () => {});
    const ack = await binh.raw('chat:send', {
      commandId: randomUUID(),
      sessionId: room.sessionId,
      text: 'Gửi ngay khi vừa kết nối lại',
    });
    expect(ack).toMatchObject({ ok: true });
  });
});
