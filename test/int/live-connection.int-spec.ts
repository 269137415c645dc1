import { LiveConnection } from '../../apps/web/src/live/live-connection';
import type { ApiClient } from '../support/api-client';
import { organisationFactory, readyDeckFactory } from '../support/factories';
import { NetworkProxy } from '../support/network-proxy';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// The web app's own connection class against the real API, through a relay whose network can go down.
describe(`the browser's live connection (${databases[0]})`, () => {
  let app: TestApp;
  let proxy: NetworkProxy;
  let organiser: ApiClient;
  let sessionId: string;
  let tokens: Record<string, string>;
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    app = await startTestApp(databases[0]!);
    const org = await organisationFactory(app.prisma);
    ({ organiser, sessionId, tokens } = await invitedSession(app.url, org, 'Hội nghị mất mạng'));
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    proxy = await NetworkProxy.start(app.url);
  });
  afterAll(async () => {
    connections.forEach((c) => c.close());
    await proxy?.stop();
    await app?.close();
  });

  const connect = async (token: string) => {
    const connection = new LiveConnection(sessionId, token, 'vi', proxy.url);
    connections.push(connection);
    connection.subscribe(() => {});
    await until(
      async () => connection.getView().status,
      (s) => s === 'online',
    );
    return connection;
  };

  it('has the deck list refetched after a reconnect, since deck changes made meanwhile are not replayed', async () => {
    const deck = await readyDeckFactory(app.prisma, sessionId, 4);
    const presenter = await connect(tokens.presenter!);
    const version = () => presenter.getView().deckVersion;

    // Online, a renamed deck reaches the presenter as a deck event.
    expect((await organiser.patch(`/decks/${deck.id}`, { title: 'Bài giảng chính' })).status).toBe(200);
    await until(
      async () => version(),
      (v) => v === 1,
    );

    // Offline while the deck changes (a conversion finishing would be the same): the event is lost.
    proxy.down();
    await until(
      async () => presenter.getView().status,
      (s) => s !== 'online',
    );
    expect((await organiser.patch(`/decks/${deck.id}`, { title: 'Đổi khi mất mạng' })).status).toBe(200);
    proxy.restore();

    // Back online, the list is told to refetch.
    const view = await until(
      async () => presenter.getView(),
      (v) => v.status === 'online' && v.deckVersion > 1,
    );
    expect(view.deckVersion).toBe(2);
  });
});
