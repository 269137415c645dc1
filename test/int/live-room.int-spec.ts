import { randomUUID } from 'node:crypto';
import type { ApiClient } from '../support/api-client';
import { organisationFactory, readyDeckFactory, TEST_PASSWORD } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const hour = 3600_000;

describe.each(databases)('live room gateway on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let api: ApiClient;
  let organiser: ApiClient;
  let sessionId: string;
  let deckId: string;
  const clients: LiveTestClient[] = [];
  let tokens: Record<string, string>;

  const client = async (who: string) => {
    const c = new LiveTestClient(app.url, tokens[who]!);
    clients.push(c);
    const ack = await c.join(sessionId);
    if (!ack.ok) throw new Error(`${who} could not join: ${JSON.stringify(ack)}`);
    return c;
  };

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    ({ api, organiser, sessionId, tokens } = await invitedSession(app.url, org, 'Hội nghị trực tuyến'));
    deckId = (await readyDeckFactory(app.prisma, sessionId, 10)).id;
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
  });

  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => app?.close());

  it('refuses a handshake without a valid token', async () => {
    const anonymous = new LiveTestClient(app.url, 'not-a-token');
    await expect(anonymous.connected()).rejects.toThrow(/TOKEN_INVALID/);
    anonymous.close();
  });

  it('gives each role a snapshot of the running session and keeps strangers out', async () => {
    const presenter = await client('presenter');
    expect(presenter.snapshot).toMatchObject({ sessionId, state: 'live', slide: { page: 1 } });
    const outsider = new LiveTestClient(app.url, (await api.login('huyen', TEST_PASSWORD)).token!);
    clients.push(outsider);
    // The district organiser can see the session (it invites their district) and watches as staff.
    expect((await outsider.join(sessionId)).ok).toBe(true);
    const dungLinkSession = await organiser.post('/sessions', {
      title: 'Không mời Thôn 1',
      startsAt: new Date(Date.now() + hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.B3.id],
    });
    const an = new LiveTestClient(app.url, tokens.an!);
    clients.push(an);
    const refused = await an.join(dungLinkSession.body.id);
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('checks permissions on every command: a member cannot change slides or close a poll', async () => {
    const presenter = await client('presenter');
    const an = await client('an');
    expect(await an.send('slide:go', { deckId, page: 2 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.any(String),
    });
    const saved = await presenter.send('poll:save', {
      poll: {
        question: 'Đồng chí đã đọc nghị quyết chưa?',
        kind: 'single',
        options: [
          { id: 'a', label: 'Rồi' },
          { id: 'b', label: 'Chưa' },
        ],
      },
    });
    expect(saved.ok).toBe(true);
    const pollId = (await presenter.until((s) => s.polls.length === 1)).polls[0]!.id;
    await presenter.send('poll:open', { pollId });
    expect(await an.send('poll:close', { pollId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await an.send('floor:grant', { key: 'm:x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await an.send('question:moderate', { questionId: 'q', status: 'hidden' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    // A command for a session the socket has not joined is refused too.
    expect(await an.raw('hand:raise', { commandId: randomUUID(), sessionId: 'other-session' })).toMatchObject(
      { ok: false, code: 'FORBIDDEN' },
    );
    await presenter.send('poll:close', { pollId });
  });

  it('answers malformed commands with a validation error and stays up', async () => {
    const presenter = await client('presenter');
    const bad = await presenter.raw('slide:go', { commandId: 'x', sessionId, page: 'two' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect((bad as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'commandId',
      'deckId',
      'page',
    ]);
    expect(await presenter.raw('slide:go', null)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const english = new LiveTestClient(app.url, tokens.an!, { language: 'en' });
    clients.push(english);
    await english.join(sessionId);
    expect(await english.send('slide:go', { deckId, page: 1 })).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You are not allowed to do this.',
    });
    expect((await presenter.send('slide:go', { deckId, page: 2 })).ok).toBe(true);
  });

  it('applies a retried command once', async () => {
    const presenter = await client('presenter');
    const an = await client('an');
    const commandId = randomUUID();
    const first = await an.send('question:ask', { text: 'Câu hỏi gửi lại sau khi rớt mạng?' }, commandId);
    const retry = await an.send('question:ask', { text: 'Câu hỏi gửi lại sau khi rớt mạng?' }, commandId);
    expect(retry).toEqual(first);
    await presenter.until((s) => s.questions.some((q) => q.text.startsWith('Câu hỏi gửi lại')));
    const facts = await app.prisma.liveFact.count({ where: { sessionId, type: 'question.asked' } });
    expect(facts).toBe(1);
  });

  it('brings a reconnecting client up to date with what it missed', async () => {
    const presenter = await client('presenter');
    const binh = await client('binh');
    const seqBefore = binh.snapshot!.seq;
    binh.close();
    await presenter.send('slide:go', { deckId, page: 7 });
    await presenter.send('poll:save', {
      poll: { question: 'Mức độ hiểu bài?', kind: 'rating', ratingMax: 5 },
    });
    const pollId = (
      await presenter.until((s) => s.polls.some((p) => p.question === 'Mức độ hiểu bài?'))
    ).polls.find((p) => p.question === 'Mức độ hiểu bài?')!.id;
    await presenter.send('poll:open', { pollId });

    const back = new LiveTestClient(app.url, tokens.binh!);
    clients.push(back);
    back.snapshot = binh.snapshot;
    const ack = await back.join(sessionId);
    expect(ack.ok && ack.data?.events?.length).toBeGreaterThan(0);
    expect(back.snapshot!.seq).toBeGreaterThan(seqBefore);
    expect(back.snapshot!.slide.page).toBe(7);
    expect(back.snapshot!.polls.find((p) => p.id === pollId)?.status).toBe('open');
    expect((await back.send('poll:answer', { pollId, answer: ['4'] })).ok).toBe(true);
  });

  it('counts a poll answered by members and a district room, live for the presenter', async () => {
    const presenter = await client('presenter');
    const an = await client('an');
    const binh = await client('binh');
    const site = await client('site');
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
    const pollId = (
      await presenter.until((s) => s.polls.some((p) => p.question === 'Nội dung nào cần đi sâu?'))
    ).polls.find((p) => p.question === 'Nội dung nào cần đi sâu?')!.id;
    await presenter.send('poll:open', { pollId });
    await an.until((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'));
    expect((await an.send('poll:answer', { pollId, answer: ['a'] })).ok).toBe(true);
    expect((await binh.send('poll:answer', { pollId, answer: ['b'] })).ok).toBe(true);
    expect((await site.send('poll:site-count', { pollId, counts: { a: 12, b: 3 } })).ok).toBe(true);
    expect(await an.send('poll:answer', { pollId, answer: ['b'] })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    const tally = (
      await presenter.until((s) =>
        s.tallies.some((t) => t.pollId === pollId && t.sitesReporting === 1 && t.respondents === 2),
      )
    ).tallies.find((t) => t.pollId === pollId);
    expect(tally).toMatchObject({ counts: { a: 1, b: 1 }, siteCounts: { a: 12, b: 3 } });
    expect(an.snapshot!.tallies.some((t) => t.pollId === pollId)).toBe(false);
    await presenter.send('poll:results', { pollId, visible: true });
    await an.until((s) => s.tallies.some((t) => t.pollId === pollId && t.counts.a === 1));
  });

  it('stores poll results with the session and exports them as CSV for staff only', async () => {
    const presenter = await client('presenter');
    const an = await client('an');
    await presenter.send('poll:save', {
      poll: {
        question: 'Nghị quyết đề ra mấy đột phá chiến lược?',
        kind: 'quiz',
        options: [
          { id: 'a', label: 'Hai' },
          { id: 'b', label: 'Ba' },
        ],
        correctOptionIds: ['b'],
        anonymous: false,
      },
    });
    const pollId = (await presenter.until((s) => s.polls.some((p) => p.kind === 'quiz'))).polls.find(
      (p) => p.kind === 'quiz',
    )!.id;
    await presenter.send('poll:open', { pollId });
    await an.until((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'));
    expect(an.snapshot!.polls.find((p) => p.id === pollId)!.correctOptionIds).toBeNull();
    await an.send('poll:answer', { pollId, answer: ['b'] });
    await presenter.send('poll:close', { pollId });
    await presenter.send('poll:results', { pollId, visible: true });
    await an.until((s) => s.polls.find((p) => p.id === pollId)?.correctOptionIds?.[0] === 'b');

    const summary = await organiser.get(`/sessions/${sessionId}/polls.csv`);
    expect(summary.status).toBe(200);
    const text = summary.raw.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Nghị quyết đề ra mấy đột phá chiến lược?,Trắc nghiệm,1,0,Ba ✓,1,0,1,100');
    const answers = (await organiser.get(`/sessions/${sessionId}/poll-answers.csv`)).raw.toString('utf8');
    expect(answers).toContain('Nguyễn Văn An,Chi bộ Thôn 1,Ba,Đúng');
    const quiz = (await organiser.get(`/sessions/${sessionId}/quiz-scores.csv`)).raw.toString('utf8');
    expect(quiz).toContain('Nguyễn Văn An,Chi bộ Thôn 1,1,1');
    const member = api.as(tokens.an!);
    expect((await member.get(`/sessions/${sessionId}/polls.csv`)).status).toBe(403);
  });

  it('queues hands in order and hands the floor to one of them', async () => {
    const presenter = await client('presenter');
    const an = await client('an');
    const site = await client('site');
    await site.send('hand:raise', { topic: 'Điểm cầu Thôn 1 xin phát biểu' });
    await an.send('hand:raise', {});
    const hands = (await presenter.until((s) => s.hands.length === 2)).hands;
    expect(hands.map((h) => [h.name, h.topic])).toEqual([
      ['Hội trường Thôn 1', 'Điểm cầu Thôn 1 xin phát biểu'],
      ['Nguyễn Văn An', null],
    ]);
    await presenter.send('floor:grant', { key: hands[0]!.key, withCamera: true });
    const room = await an.until((s) => s.floor.length === 1);
    expect(room.floor[0]).toMatchObject({ name: 'Hội trường Thôn 1', withCamera: true });
    expect(room.hands.map((h) => h.name)).toEqual(['Nguyễn Văn An']);
    await presenter.send('floor:revoke', { key: hands[0]!.key });
    await an.send('hand:lower', {});
    await presenter.until((s) => s.floor.length === 0 && s.hands.length === 0);
  });

  it('rebuilds the room from its log after a restart', async () => {
    const presenter = await client('presenter');
    await presenter.send('slide:go', { deckId, page: 9 });
    presenter.close();
    const { LiveRooms } = await import('../../apps/api/src/live/live-rooms');
    app.running.app.get(LiveRooms).unload(sessionId);
    const again = await client('an');
    expect(again.snapshot!.slide.page).toBe(9);
    expect(again.snapshot!.questions.length).toBeGreaterThan(0);
  });

  it('follows the REST state machine: ending the session closes the room to answers', async () => {
    const an = await client('an');
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'end' });
    await an.until((s) => s.state === 'ended');
    expect(await an.send('hand:raise', {})).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});
