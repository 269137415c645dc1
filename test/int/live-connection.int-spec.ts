import { HAND_KEPT_AWAY_MS } from '@hallbridge/domain';
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

  it('takes a phone that closed out of the hand queue, and keeps the hand of one that came back', async () => {
    const presenter = await connect(tokens.presenter!);
    const an = await connect(tokens.an!);
    const binh = await connect(tokens.binh!);
    expect(await an.send('hand:raise', { topic: 'Xin phát biểu' })).toMatchObject({ ok: true });
    expect(await binh.send('hand:raise', { topic: null })).toMatchObject({ ok: true });
    const hands = async () => presenter.getView().snapshot?.hands.map((h) => h.name) ?? [];
    await until(hands, (h) => h.length === 2);

    // An closes the page; Bình's network blinks (away, then back well within the grace).
    an.close();
    proxy.down();
    await until(
      async () => binh.getView().status,
      (s) => s !== 'online',
    );
    proxy.restore();
    await until(
      async () => binh.getView().status,
      (s) => s === 'online',
    );
    await until(
      async () => presenter.getView().status,
      (s) => s === 'online',
    );
    // Past the grace (HAND_KEPT_AWAY_MS) An's hand is lowered; Bình, back in time, keeps the place.
    expect(await until(hands, (h) => h.length === 1, HAND_KEPT_AWAY_MS + 15_000)).toEqual(['Phạm Thị Bình']);
  });

  it('refuses an upvote of one’s own question and marks it as theirs', async () => {
    const an = await connect(tokens.an!);
    const binh = await connect(tokens.binh!);
    expect(await an.send('question:ask', { text: 'Bao giờ có tài liệu?', anonymous: true })).toMatchObject({
      ok: true,
    });
    const asked = await until(
      async () => an.getView().snapshot!,
      (s) => s.questions.length === 1 && s.myQuestions.length === 1,
    );
    const questionId = asked.questions[0]!.id;
    expect(asked.myQuestions).toEqual([questionId]);
    expect(await an.send('question:vote', { questionId, vote: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await until(
      async () => binh.getView().snapshot?.questions.length,
      (n) => n === 1,
    );
    expect(binh.getView().snapshot!.myQuestions).toEqual([]);
    expect(await binh.send('question:vote', { questionId, vote: true })).toMatchObject({ ok: true });
    await until(
      async () => an.getView().snapshot?.questions[0]?.votes,
      (v) => v === 1,
    );
  });
});
