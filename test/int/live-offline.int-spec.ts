import { LiveConnection } from '../../apps/web/src/live/live-connection';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD, userFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { NetworkProxy } from '../support/network-proxy';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

/**
 * What a phone sends while it has no signal is sent when it is back (issue 11 finding 9, issue 12
 * "a chat sent while offline says no permission"), through the web app's own connection class.
 * The network is a relay that cuts connections the way a lost signal does and refuses new ones
 * while "offline".
 */
describe.each(databases.slice(0, 1))('commands sent while offline (%s)', (kind) => {
  let app: TestApp;
  let proxy: NetworkProxy;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let sessionId: string;
  let tokens: Record<string, string>;
  let presenter: LiveTestClient;
  const connections: LiveConnection[] = [];

  const browser = (token: () => string | null) => {
    const c = new LiveConnection(sessionId, token, 'vi', proxy.url);
    connections.push(c);
    c.subscribe(() => {});
    return c;
  };
  const status = (c: LiveConnection, wanted: string) =>
    until(
      async () => c.getView().status,
      (s) => s === wanted,
    );
  /** Takes the network away (open connections die silently), runs `meanwhile`, gives it back. */
  const offline = async (c: LiveConnection, meanwhile: () => Promise<void>) => {
    proxy.down({ silently: true });
    await status(c, 'reconnecting');
    await meanwhile();
    proxy.restore();
  };
  const chats = async (text: string) =>
    (await app.prisma.liveFact.findMany({ where: { sessionId, type: 'chat.sent' } })).filter(
      (f) => (f.payload as { text?: string }).text === text,
    );

  beforeAll(async () => {
    app = await startTestApp(kind);
    proxy = await NetworkProxy.start(app.url);
    org = await organisationFactory(app.prisma);
    ({ sessionId, tokens } = await invitedSession(app.url, org, 'Hội nghị mất sóng'));
    await new ApiClient(app.url, tokens.organiser!).post(`/sessions/${sessionId}/transitions`, {
      action: 'start',
    });
    presenter = new LiveTestClient(app.url, tokens.presenter!);
    expect((await presenter.join(sessionId)).ok).toBe(true);
  });
  afterAll(async () => {
    connections.forEach((c) => c.close());
    presenter?.close();
    await proxy?.stop();
    await app?.close();
  });

  it('sends a member’s chat written offline once the phone is back, once', async () => {
    const phone = browser(() => tokens.an!);
    await status(phone, 'online');
    const text = 'Em gửi lúc mất sóng';
    let sent: Promise<unknown> = Promise.resolve();
    await offline(phone, async () => {
      sent = phone.send('chat:send', { text });
    });
    expect(await sent).toMatchObject({ ok: true });
    await presenter.until((s) => s.chat.some((m) => m.text === text));
    expect(await chats(text)).toHaveLength(1);
    expect(phone.getView().snapshot!.chat.filter((m) => m.text === text)).toHaveLength(1);
  });

  it('sends it with the identity held when the connection is back (signed in again meanwhile)', async () => {
    await userFactory(app.prisma, { username: 'chanhvp', role: 'organiser', unitId: org.units.P.id });
    const chief = await new ApiClient(app.url).login('chanhvp', TEST_PASSWORD);
    let token: string | null = (await new ApiClient(app.url).login('baocao', TEST_PASSWORD)).token;
    const desk = browser(() => token);
    await status(desk, 'online');
    const text = 'Báo cáo viên gửi khi mất mạng';
    let sent: Promise<unknown> = Promise.resolve();
    await offline(desk, async () => {
      sent = desk.send('chat:send', { text });
      // Meanwhile the password is reset (every older token retired) and the presenter signs in again.
      expect(
        (await chief.patch(`/users/${org.users.presenter.id}`, { password: 'mat-khau-moi-2026' })).status,
      ).toBe(200);
      token = (await new ApiClient(app.url).login('baocao', 'mat-khau-moi-2026')).token;
    });
    expect(await sent).toMatchObject({ ok: true });
    const [fact] = await chats(text);
    expect(fact).toMatchObject({ actorKey: `u:${org.users.presenter.id}` });
    expect(await chats(text)).toHaveLength(1);
  });

  it('answers what was sent offline with the room’s refusal when access was withdrawn meanwhile', async () => {
    const phone = browser(() => tokens.binh!);
    await status(phone, 'online');
    let sent: Promise<unknown> = Promise.resolve();
    await offline(phone, async () => {
      sent = phone.send('chat:send', { text: 'Gửi sau khi bị xóa khỏi danh sách' });
      const chief = await new ApiClient(app.url).login('chanhvp', TEST_PASSWORD);
      expect((await chief.patch(`/members/${org.members.binh.id}`, { status: 'inactive' })).status).toBe(200);
    });
    expect(await sent).toMatchObject({ ok: false, code: 'TOKEN_INVALID' });
    expect(phone.getView()).toMatchObject({ status: 'closed', error: { code: 'TOKEN_INVALID' } });
    expect(await chats('Gửi sau khi bị xóa khỏi danh sách')).toHaveLength(0);
  });
});
