import { dispose } from '@livekit/rtc-node';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type { MediaJoin } from '@hallbridge/contracts';
import { MediaPresenceEvents, type MediaPresence } from '../../apps/api/src/media/media-presence-events';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { freePort } from '../support/free-port';
import { startLiveKit, type LiveKitServer } from '../support/livekit-server';
import { LiveTestClient } from '../support/live-client';
import { invitedSession } from '../support/session-tokens';
import { eventually, MediaTestClient } from '../support/media-client';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const hour = 3600_000;

// Media touches the database only for audit entries: one database kind is enough here.
describe(`media bridge on a real livekit-server (${databases[0]})`, () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  let api: ApiClient;
  let rooms: RoomServiceClient;
  let sessionId: string;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let tokens: Record<string, string>;
  const presence: { joined: MediaPresence[]; left: MediaPresence[] } = { joined: [], left: [] };
  const media: MediaTestClient[] = [];
  const sockets: LiveTestClient[] = [];
  /** Data folders of apps replaced by a restarted one, removed at the end. */
  const replaced: string[] = [];

  const as = (who: string) => api.as(tokens[who]!);
  const joinMedia = async (who: string) => {
    const res = await as(who).post<MediaJoin>(`/sessions/${sessionId}/media/token`);
    if (res.status !== 200) throw new Error(`${who}: ${res.status} ${JSON.stringify(res.body)}`);
    const client = new MediaTestClient(who);
    media.push(client);
    await client.connect(res.body.url, res.body.token);
    return { client, join: res.body };
  };
  const liveRoom = async (who: string) => {
    const socket = new LiveTestClient(app.url, tokens[who]!);
    sockets.push(socket);
    const ack = await socket.join(sessionId);
    if (!ack.ok) throw new Error(`${who} could not join the live room: ${JSON.stringify(ack)}`);
    return socket;
  };
  const serverView = async (identity: string) =>
    (await rooms.listParticipants(sessionId)).find((p) => p.identity === identity);

  beforeAll(async () => {
    // The app's port is chosen first so the media server can post its webhooks to it.
    const port = await freePort();
    livekit = await startLiveKit({ webhookUrl: `http://127.0.0.1:${port}/api/media/webhook` });
    app = await startTestApp(databases[0]!, { PORT: String(port), ...livekit.env });
    rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    const events = app.running.app.get(MediaPresenceEvents);
    events.on('joined', (e) => presence.joined.push(e));
    events.on('left', (e) => presence.left.push(e));

    org = await organisationFactory(app.prisma);
    ({ api, sessionId, tokens } = await invitedSession(app.url, org, 'Hội nghị có hình và tiếng'));
    tokens.secretary = (await api.login('bithu1', TEST_PASSWORD)).token!;
  });

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    for (const client of media.splice(0)) await client.close();
  });

  afterAll(async () => {
    await app?.close();
    replaced.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    await livekit?.stop();
    // @livekit/rtc-node keeps the process alive until its native side is disposed.
    await dispose();
  });

  it('mints short-lived tokens whose grants follow the seat, and only once the session may be joined', async () => {
    // Before the start the stage and the district rooms may check their cameras; members wait.
    expect((await as('an').post(`/sessions/${sessionId}/media/token`)).body).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const site = await as('site').post<MediaJoin>(`/sessions/${sessionId}/media/token`);
    expect(site.status).toBe(200);
    await as('organiser').post(`/sessions/${sessionId}/transitions`, { action: 'start' });

    const grantsOf = async (who: string) => {
      const res = await as(who).post<MediaJoin>(`/sessions/${sessionId}/media/token`);
      expect(res.status).toBe(200);
      const claims = decodeJwt(res.body.token) as {
        sub: string;
        exp: number;
        name: string;
        metadata: string;
        video: { room: string; canPublish: boolean; canPublishSources?: string[]; canSubscribe: boolean };
      };
      expect(claims.video.room).toBe(sessionId);
      expect(claims.sub).toBe(res.body.identity);
      expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(600);
      return { body: res.body, claims };
    };
    const presenter = await grantsOf('presenter');
    expect(presenter.body).toMatchObject({ seat: 'stage', identity: `u:${org.users.presenter.id}` });
    expect(presenter.claims.video.canPublishSources).toEqual(
      expect.arrayContaining(['camera', 'microphone', 'screen_share']),
    );
    const siteGrants = await grantsOf('site');
    expect(siteGrants.body.seat).toBe('site');
    expect(siteGrants.claims.video.canPublishSources?.sort()).toEqual(['camera', 'microphone']);
    const an = await grantsOf('an');
    expect(an.body).toMatchObject({
      seat: 'audience',
      identity: `m:${org.members.an.id}`,
      name: 'Nguyễn Văn An',
    });
    expect(an.claims.video).toMatchObject({ canPublish: false, canSubscribe: true });
    expect(JSON.parse(an.claims.metadata)).toMatchObject({
      role: 'member',
      seat: 'audience',
      unitName: 'Chi bộ Thôn 1',
    });
    expect((await grantsOf('secretary')).claims.video.canPublish).toBe(false);

    // Strangers learn nothing; a session someone cannot see does not exist for them.
    const hidden = await as('organiser').post('/sessions', {
      title: 'Không mời Thôn 1',
      startsAt: new Date(Date.now() + hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.B3.id],
    });
    expect((await as('an').post(`/sessions/${hidden.body.id}/media/token`)).status).toBe(404);
    expect((await api.post(`/sessions/${sessionId}/media/token`)).status).toBe(401);
  });

  it("refuses a member's microphone until the floor is given, then carries it to others, then takes it back", async () => {
    const { client: presenter } = await joinMedia('presenter');
    const { client: an } = await joinMedia('an');
    const anKey = an.identity;
    // The server refuses: the member's connection carries no publish right, on both sides.
    expect(an.permission).toMatchObject({ canPublish: false, canSubscribe: true });
    expect((await serverView(anKey))?.permission).toMatchObject({ canPublish: false });

    // The presenter gives the floor through the live room, as the console does.
    const staff = await liveRoom('presenter');
    await liveRoom('an');
    expect(await staff.send('floor:grant', { key: anKey, withCamera: false })).toMatchObject({ ok: true });
    const granted = await eventually(
      async () => {
        const p = await serverView(anKey);
        return p?.permission?.canPublish ? p.permission : null;
      },
      10_000,
      'the floor to reach the media server',
    );
    expect(granted?.canPublishSources).toEqual([2]); // microphone only (no camera asked)

    await an.publishTone(440);
    const heard = await presenter.until(anKey, 'audio', (r) => r.frames > 50 && r.peakRms > 1000);
    expect(heard.peakRms).toBeGreaterThan(1000);

    // Taking the floor back revokes the right, and the media server unpublishes the track.
    expect(await staff.send('floor:revoke', { key: anKey })).toMatchObject({ ok: true });
    await eventually(
      async () => {
        const p = await serverView(anKey);
        return p && !p.permission?.canPublish && p.tracks.length === 0;
      },
      10_000,
      'the track to be gone after revoking',
    );
    await eventually(
      () => presenter.publicationsOf(anKey).length === 0,
      5_000,
      'the presenter to lose the track',
    );
  });

  it('puts the grant in the token of a member who joins while holding the floor', async () => {
    const staff = await liveRoom('presenter');
    await liveRoom('binh');
    const binhKey = `m:${org.members.binh.id}`;
    expect(await staff.send('floor:grant', { key: binhKey, withCamera: true })).toMatchObject({ ok: true });
    try {
      const { join } = await joinMedia('binh');
      expect(join.grants.publish.sort()).toEqual(['camera', 'microphone']);
    } finally {
      await staff.send('floor:revoke', { key: binhKey });
    }
  });

  it('lets those who run the session mute one, mute all and remove one, with audit entries', async () => {
    const { client: presenter } = await joinMedia('presenter');
    const { client: site } = await joinMedia('site');
    await site.publishTone(330);
    const siteKey = site.identity;
    await presenter.until(siteKey, 'audio', (r) => r.frames > 10);

    // Members cannot.
    expect((await as('an').post(`/sessions/${sessionId}/media/mute`, { identity: siteKey })).status).toBe(
      403,
    );

    const list = await as('organiser').get(`/sessions/${sessionId}/media/participants`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ identity: siteKey, seat: 'site', name: 'Hội trường Thôn 1' }),
      ]),
    );

    const muted = await as('presenter').post(`/sessions/${sessionId}/media/mute`, { identity: siteKey });
    expect(muted.body).toEqual({ affected: 1 });
    await eventually(async () => (await serverView(siteKey))?.tracks.every((t) => t.muted), 5_000, 'mute');

    // Mute-all spares the stage: the presenter's own microphone stays open.
    await presenter.publishTone(550);
    const all = await as('organiser').post(`/sessions/${sessionId}/media/mute-all`, {});
    expect(all.status).toBe(200);
    expect((await serverView(presenter.identity))?.tracks.some((t) => !t.muted)).toBe(true);

    const removed = await as('organiser').post(`/sessions/${sessionId}/media/remove`, { identity: siteKey });
    expect(removed.body).toEqual({ affected: 1 });
    await eventually(async () => !(await serverView(siteKey)), 5_000, 'the site to be removed');
    expect(
      (await as('organiser').post(`/sessions/${sessionId}/media/remove`, { identity: siteKey })).status,
    ).toBe(404);

    const audit = await as('organiser').get(`/audit?sessionId=${sessionId}`);
    expect((audit.body as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['media.mute', 'media.mute_all', 'media.remove']),
    );
  });

  it('turns verified webhooks into presence, and refuses forged ones', async () => {
    const { client } = await joinMedia('an');
    const key = client.identity;
    await eventually(
      () => presence.joined.some((p) => p.key === key && p.sessionId === sessionId),
      10_000,
      'joined',
    );
    expect(presence.joined.find((p) => p.key === key)).toMatchObject({
      role: 'member',
      seat: 'audience',
      name: 'Nguyễn Văn An',
    });
    await client.close();
    await eventually(() => presence.left.some((p) => p.key === key), 10_000, 'left');

    const body = JSON.stringify({
      event: 'participant_joined',
      id: 'EV_forged',
      room: { name: sessionId },
      participant: { identity: 'm:intruder', name: 'Kẻ giả mạo' },
      createdAt: String(Math.floor(Date.now() / 1000)),
    });
    const post = (authorization?: string, payload = body) =>
      fetch(`${app.url}/api/media/webhook`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/webhook+json',
          ...(authorization ? { Authorization: authorization } : {}),
        },
        body: payload,
      });
    const signed = async (secret: string, payload: string) => {
      const token = new AccessToken(livekit.apiKey, secret);
      token.sha256 = createHash('sha256').update(payload).digest('base64');
      return token.toJwt();
    };
    expect((await post()).status).toBe(401);
    expect((await post(await signed('not-the-secret-0123456789-abcdefghij', body))).status).toBe(401);
    // Signed for another body: the checksum does not match the bytes received.
    expect((await post(await signed(livekit.apiSecret, body), body.replace('Kẻ', 'Người'))).status).toBe(401);
    // Even sent as application/json (which the JSON parser would otherwise consume), bytes are checked.
    const asJson = await fetch(`${app.url}/api/media/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: await signed(livekit.apiSecret, body) },
      body,
    });
    expect(asJson.status).toBe(204);
    expect(presence.joined.some((p) => p.key === 'm:intruder')).toBe(true);
  });

  it('keeps counting a member whose video outlived a restart, and notices a leave whose webhook was lost', async () => {
    const { client } = await joinMedia('binh');
    const openMedia = () =>
      app.prisma.presenceInterval.findMany({
        where: { sessionId, memberId: org.members.binh.id, source: 'media', endedAt: null },
      });
    const [before] = await until(openMedia, (rows) => rows.length === 1);

    // Restarted on another port: the media server's webhooks still go to the old one and are lost.
    const first = app;
    const restartedAt = Date.now();
    await first.running.close();
    replaced.push(first.dataDir);
    app = await startTestApp(databases[0]!, {
      ...(first.kind === 'pglite' ? { DATA_DIR: first.dataDir } : { DATABASE_URL: first.running.db.url }),
      ...livekit.env,
      ATTENDANCE_HEARTBEAT_MS: '300',
      ATTENDANCE_STALE_AFTER_MS: '600',
      ATTENDANCE_MEDIA_SYNC_MS: '300',
    });
    const adopted = await until(openMedia, (rows) => rows.some((r) => r.id !== before!.id));
    const resumed = adopted.find((r) => r.id !== before!.id)!;
    // Counted from when the media server says Bình joined, not from the restart.
    const joinedAt = Number((await serverView(client.identity))!.joinedAtMs);
    expect(resumed.startedAt.getTime()).toBe(joinedAt);
    expect(joinedAt).toBeLessThan(restartedAt);

    await client.close();
    const leftAt = Date.now();
    const closed = await until(
      () => app.prisma.presenceInterval.findUniqueOrThrow({ where: { id: resumed.id } }),
      (row) => row.endedAt !== null,
    );
    expect(Math.abs(closed.endedAt!.getTime() - leftAt)).toBeLessThan(2000);
    expect(await openMedia()).toEqual([]);
  });
});

describe('media without a media server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(databases[0]!);
    await organisationFactory(app.prisma);
  });
  afterAll(() => app?.close());

  it('says video is off with a clear code, and health reports it disabled', async () => {
    const api = new ApiClient(app.url);
    const organiser = await api.login('tochuc', TEST_PASSWORD);
    const unit = (await organiser.get('/units')).body as { id: string; parentId: string | null }[];
    const session = await organiser.post('/sessions', {
      title: 'Không có hình',
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + hour).toISOString(),
      hostUnitId: unit.find((u) => u.parentId === null)!.id,
      invitedUnitIds: [],
    });
    const res = await organiser.post(`/sessions/${session.body.id}/media/token`);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'MEDIA_DISABLED', message: expect.stringContaining('LiveKit') });
    expect((await api.get('/health')).body.media).toMatchObject({ status: 'disabled' });
    expect((await api.post('/media/webhook', '{}')).status).toBe(503);
  });
});
