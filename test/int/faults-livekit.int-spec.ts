import { dispose } from '@livekit/rtc-node';
import type { MediaJoin } from '@hallbridge/contracts';
import { RoomServiceClient } from 'livekit-server-sdk';
import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { freePort } from '../support/free-port';
import { startLiveKit, type LiveKitServer } from '../support/livekit-server';
import { LiveTestClient } from '../support/live-client';
import { MediaTestClient } from '../support/media-client';
import { invitedSession } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// The media server only: one database kind is enough.
describe(`fault: livekit-server killed and started again (${databases[0]})`, () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  const media: MediaTestClient[] = [];
  const sockets: LiveTestClient[] = [];

  beforeAll(async () => {
    const port = await freePort();
    livekit = await startLiveKit({ webhookUrl: `http://127.0.0.1:${port}/api/media/webhook` });
    app = await startTestApp(databases[0]!, {
      PORT: String(port),
      ATTENDANCE_HEARTBEAT_MS: '1000',
      ...livekit.env,
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    for (const client of media) await client.close().catch(() => undefined);
    await app?.close();
    await livekit?.stop();
    await dispose();
  });

  it('keeps the room going without it, says media is down, and lets everyone back in when it returns', async () => {
    const org = await organisationFactory(app.prisma);
    const { api, organiser, sessionId, tokens } = await invitedSession(app.url, org, 'Hội nghị khi mất hình');
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    const an = api.as(tokens.an!);
    const joinMedia = async () => {
      const res = await an.post<MediaJoin>(`/sessions/${sessionId}/media/token`);
      expect(res.status).toBe(200);
      const client = new MediaTestClient('an');
      media.push(client);
      await client.connect(res.body.url, res.body.token);
      return client;
    };
    const first = await joinMedia();
    const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    const inRoom = async () => (await rooms.listParticipants(sessionId)).map((p) => p.identity);
    const anKey = `m:${org.members.an.id}`;
    expect(await inRoom()).toContain(anKey);
    const mediaIntervals = () =>
      app.prisma.presenceInterval.findMany({
        where: { sessionId, memberId: org.members.an.id, source: 'media' },
        orderBy: { startedAt: 'asc' },
      });
    await until(mediaIntervals, (rows) => rows.length === 1);

    await livekit.kill();
    const health = new ApiClient(app.url);
    await until(
      async () => (await health.get('/health')).body,
      (h) => h.status === 'degraded' && h.media.status === 'down',
    );
    // Still ready for traffic: only audio and video are gone.
    expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(200);

    // Slides, polls and questions do not depend on it.
    const presenter = new LiveTestClient(app.url, tokens.presenter!);
    const member = new LiveTestClient(app.url, tokens.an!);
    sockets.push(presenter, member);
    expect((await presenter.join(sessionId)).ok).toBe(true);
    expect((await member.join(sessionId)).ok).toBe(true);
    expect(
      await presenter.send('poll:save', {
        poll: {
          question: 'Có nghe rõ không?',
          kind: 'single',
          options: [
            { id: 'a', label: 'Có' },
            { id: 'b', label: 'Không' },
          ],
        },
      }),
    ).toMatchObject({ ok: true });
    const pollId = (await presenter.until((s) => s.polls.length === 1)).polls[0]!.id;
    expect(await presenter.send('poll:open', { pollId })).toMatchObject({ ok: true });
    await member.until((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'));
    expect(await member.send('poll:answer', { pollId, answer: ['a'] })).toMatchObject({ ok: true });
    expect(await member.send('question:ask', { text: 'Bao giờ có hình trở lại?' })).toMatchObject({
      ok: true,
    });

    // Media actions say clearly that the media server is away (not INTERNAL); tokens still come,
    // so browsers keep trying on their own.
    const listed = await organiser.get(`/sessions/${sessionId}/media/participants`);
    expect(listed.status).toBe(502);
    expect(listed.body.code).toBe('MEDIA_UNAVAILABLE');
    expect((await an.post(`/sessions/${sessionId}/media/token`)).status).toBe(200);

    await livekit.restart();
    await until(
      async () => (await health.get('/health')).body,
      (h) => h.status === 'ok' && h.media.status === 'up',
    );
    // The client's rejoin: a fresh token, the same identity, in the room again.
    await first.close().catch(() => undefined);
    const again = await joinMedia();
    expect(again.identity).toBe(anKey);
    expect(await inRoom()).toContain(anKey);
    const back = await organiser.get(`/sessions/${sessionId}/media/participants`);
    expect(back.status).toBe(200);
    expect((back.body as { identity: string }[]).map((p) => p.identity)).toContain(anKey);

    // Attendance: after the rejoin An is present in media exactly once. An outage longer than the
    // stale timeout closes the interval the crash cut and the rejoin opens another; a shorter one
    // (the media server back within seconds) is bridged, as a brief drop of a member's own network is.
    const rows = await until(
      mediaIntervals,
      (r) => r.filter((i) => i.endedAt === null).length === 1 && r.at(-1)!.endedAt === null,
      30_000,
    );
    for (const closed of rows.slice(0, -1)) expect(closed.endedAt).not.toBeNull();
    expect(rows.at(-1)!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 30_000);
  });
});
