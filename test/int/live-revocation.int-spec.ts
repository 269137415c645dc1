import type { LiveAck } from '@hallbridge/contracts';
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { memberFactory, organisationFactory, TEST_PASSWORD, userFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { startRedis, type RedisServer } from '../support/redis-server';
import { invitedSession, memberTokens, pairedSiteToken } from '../support/session-tokens';
import { startTestApp, databases, type TestApp } from '../support/test-app';

// Two instances share one PostgreSQL database (PGlite is one process's) and one Redis.
const shared = databases.includes('postgresql') ? describe : describe.skip;

/**
 * Revocations reach open sockets (issue 11, finding 3). Every change is made through instance A's
 * REST API while the socket it concerns is on instance B, so only the cluster bus can tell it.
 */
shared('revoked access reaches open sockets on every instance (postgresql + Redis)', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let sessionId: string;
  let tokens: Record<string, string>;
  /** A second organiser of the province: one may not deactivate oneself. */
  let chief: ApiClient;
  const clients: LiveTestClient[] = [];

  const onB = async (token: string) => {
    const c = new LiveTestClient(b.url, token);
    clients.push(c);
    const ack = await c.join(sessionId);
    if (!ack.ok) throw new Error(`could not join: ${JSON.stringify(ack)}`);
    return c;
  };
  /** What the server says when it closes the socket, and that it did close it. */
  const closing = (c: LiveTestClient) =>
    Promise.all([
      new Promise<{ code: string }>((resolve) => c.socket.once('live:closed', resolve)),
      new Promise<string>((resolve) => c.socket.once('disconnect', resolve)),
    ]);
  /** A handshake with the token, on either instance: its refusal code, or 'connected'. */
  const handshake = async (app: TestApp, token: string) => {
    const c = new LiveTestClient(app.url, token);
    clients.push(c);
    try {
      await c.connected();
      return 'connected';
    } catch (error) {
      return (error as { data?: LiveAck }).data ?? (error as Error).message;
    }
  };
  /** A command sent right away: refused, or never answered because the socket was closed first. */
  const sentAfterRevocation = (c: LiveTestClient, name: 'chat:send' | 'poll:save', payload: object) =>
    Promise.race([
      c.send(name, payload as Record<string, unknown>),
      new Promise<'closed'>((resolve) =>
        c.socket.connected ? c.socket.once('disconnect', () => resolve('closed')) : resolve('closed'),
      ),
    ]);
  const factsBy = (actorKey: string) => a.prisma.liveFact.findMany({ where: { sessionId, actorKey } });

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp('postgresql', { REDIS_URL: redis.url });
    b = await startTestApp('postgresql', { REDIS_URL: redis.url, DATABASE_URL: a.running.db.url });
    org = await organisationFactory(a.prisma);
    await userFactory(a.prisma, { username: 'chanhvp', role: 'organiser', unitId: org.units.P.id });
    chief = await new ApiClient(a.url).login('chanhvp', TEST_PASSWORD);
    ({ sessionId, tokens } = await invitedSession(a.url, org, 'Hội nghị thu hồi quyền'));
    await chief.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
  });

  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it('disconnects a deactivated member at once, refuses what they send, and keeps them out', async () => {
    const an = await onB(tokens.an!);
    const presenter = await onB(tokens.presenter!);
    const anKey = `m:${org.members.an.id}`;
    await presenter.until((s) => s.participants.some((p) => p.key === anKey));
    const closed = closing(an);
    const factsBefore = (await factsBy(anKey)).length;

    const res = await chief.patch(`/members/${org.members.an.id}`, { status: 'inactive' });
    expect(res.status).toBe(200);
    const late = await sentAfterRevocation(an, 'chat:send', { text: 'Vẫn còn gửi được không?' });
    if (late !== 'closed') expect(late).toMatchObject({ ok: false, code: 'TOKEN_INVALID' });

    const [reason, disconnect] = await closed;
    expect(reason).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(disconnect).toBe('io server disconnect');
    expect(await factsBy(anKey)).toHaveLength(factsBefore);
    // Gone from the room for the others, and no way back in on either instance.
    await presenter.until((s) => !s.participants.some((p) => p.key === anKey));
    for (const app of [a, b])
      expect(await handshake(app, tokens.an!)).toMatchObject({ code: 'TOKEN_INVALID' });
    expect((await new ApiClient(b.url, tokens.an!).get('/auth/me')).status).toBe(401);
  });

  it('disconnects a deleted member and keeps them out', async () => {
    const binh = await onB(tokens.binh!);
    const closed = closing(binh);
    expect((await chief.delete(`/members/${org.members.binh.id}`)).status).toBe(204);
    const [reason] = await closed;
    expect(reason).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await handshake(b, tokens.binh!)).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('closes the room to a member moved out of the invited branches, who keeps their sign-in', async () => {
    const organiser = new ApiClient(a.url, tokens.organiser!);
    const { cuong } = await memberTokens(organiser, sessionId, { cuong: 'Hoàng Văn Cường' });
    const moved = await onB(cuong!);
    const closed = closing(moved);
    const res = await chief.patch(`/members/${org.members.cuong.id}`, { unitId: org.units.B3.id });
    expect(res.status).toBe(200);
    expect((await closed)[0]).toMatchObject({ code: 'NOT_FOUND' });
    // Still a member (their own page works), but this session's room does not take them back.
    const again = new LiveTestClient(a.url, cuong!);
    clients.push(again);
    expect(await again.join(sessionId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('stops a deactivated organiser from saving polls', async () => {
    const organiser = await onB(tokens.organiser!);
    const key = `u:${org.users.organiser.id}`;
    const closed = closing(organiser);
    const factsBefore = (await factsBy(key)).length;
    expect((await chief.patch(`/users/${org.users.organiser.id}`, { active: false })).status).toBe(200);
    const late = await sentAfterRevocation(organiser, 'poll:save', {
      poll: {
        question: 'Còn lưu được không?',
        kind: 'single',
        options: [
          { id: 'a', label: 'Có' },
          { id: 'b', label: 'Không' },
        ],
      },
    });
    if (late !== 'closed') expect(late).toMatchObject({ ok: false, code: 'TOKEN_INVALID' });
    expect((await closed)[0]).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await factsBy(key)).toHaveLength(factsBefore);
    expect(await handshake(a, tokens.organiser!)).toMatchObject({ code: 'TOKEN_INVALID' });

    // Reactivated, the account signs in afresh; its old tokens stay retired.
    expect((await chief.patch(`/users/${org.users.organiser.id}`, { active: true })).status).toBe(200);
    expect((await new ApiClient(a.url, tokens.organiser!).get('/auth/me')).status).toBe(401);
    const again = await new ApiClient(a.url).login('tochuc', TEST_PASSWORD);
    expect((await again.get('/auth/me')).status).toBe(200);
  });

  it('retires every older staff token when a password is reset, open sockets included', async () => {
    const presenterApi = await new ApiClient(b.url).login('baocao', TEST_PASSWORD);
    const live = await onB(presenterApi.token!);
    const closed = closing(live);
    const reset = await chief.patch(`/users/${org.users.presenter.id}`, { password: 'mat-khau-moi-2026' });
    expect(reset.status).toBe(200);
    expect((await closed)[0]).toMatchObject({ code: 'TOKEN_INVALID' });
    for (const app of [a, b]) {
      expect((await new ApiClient(app.url, presenterApi.token!).get('/auth/me')).status).toBe(401);
      expect((await new ApiClient(app.url, tokens.presenter!).get('/sessions')).status).toBe(401);
    }
    expect(
      (await new ApiClient(a.url).post('/auth/login', { username: 'baocao', password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
    const fresh = await new ApiClient(b.url).login('baocao', 'mat-khau-moi-2026');
    expect((await onB(fresh.token!)).snapshot?.state).toBe('live');
  });

  it('signs an account out everywhere: every token, this one included, and its sockets', async () => {
    const desk = await new ApiClient(a.url).login('bithu1', TEST_PASSWORD);
    const phone = await new ApiClient(b.url).login('bithu1', TEST_PASSWORD);
    const live = await onB(phone.token!);
    const closed = closing(live);
    const res = await desk.post('/auth/sign-out-everywhere');
    expect(res.status).toBe(204);
    expect((await closed)[0]).toMatchObject({ code: 'TOKEN_INVALID' });
    for (const token of [desk.token!, phone.token!])
      expect((await new ApiClient(b.url, token).get('/auth/me')).status).toBe(401);
    const after = await new ApiClient(a.url).login('bithu1', TEST_PASSWORD);
    expect((await after.get('/auth/me')).status).toBe(200);
    // Only people with an account have tokens to retire: a room screen is refused.
    const screen = await pairedSiteToken(chief, org.units.B1.id, `Màn hình ${randomUUID().slice(0, 6)}`);
    expect((await new ApiClient(a.url, screen).post('/auth/sign-out-everywhere')).status).toBe(403);
  });

  it('closes a revoked socket once the bus is back when Redis was down as access changed', async () => {
    const khanh = await memberFactory(a.prisma, { fullName: 'Lý Văn Khánh', unitId: org.units.B1.id });
    const { token } = await memberTokens(chief, sessionId, { token: 'Lý Văn Khánh' });
    const live = await onB(token!);
    const closed = closing(live);
    const port = Number(new URL(redis.url).port);
    await redis.stop();
    // The change is stored, but its message cannot reach instance B.
    expect((await chief.patch(`/members/${khanh.id}`, { status: 'inactive' })).status).toBe(200);
    redis = await startRedis(port);
    expect((await closed)[0]).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('closes a room screen that was paired again elsewhere', async () => {
    const sites = (await chief.get('/sites')).body as { id: string; name: string }[];
    const site = sites.find((s) => s.name === 'Hội trường Thôn 1')!;
    const screen = await onB(tokens.site!);
    const closed = closing(screen);
    const code = (await chief.post(`/sites/${site.id}/pairing-code`)).body.pairingCode as string;
    expect((await chief.as(null).post('/auth/pair', { code })).status).toBe(200);
    expect((await closed)[0]).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await handshake(a, tokens.site!)).toMatchObject({ code: 'TOKEN_INVALID' });
  });
});
