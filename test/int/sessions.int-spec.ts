import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const hour = 3600_000;

describe.each(databases)('study sessions on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let api: ApiClient;
  let organiser: ApiClient;
  let districtOrganiser: ApiClient;
  let secretary: ApiClient;
  let presenter: ApiClient;
  let sessionId: string;

  const linkToken = (url: string) => url.split('/j/')[1]!;

  beforeAll(async () => {
    app = await startTestApp(kind, { PUBLIC_URL: 'https://hoinghi.example.vn' });
    org = await organisationFactory(app.prisma);
    api = new ApiClient(app.url);
    const login = (username: string) => api.login(username, 'mat-khau-thu-nghiem');
    [organiser, districtOrganiser, secretary, presenter] = await Promise.all([
      login('tochuc'),
      login('huyen'),
      login('bithu1'),
      login('baocao'),
    ]);
  });
  afterAll(() => app?.close());

  it('creates a session inviting a whole district subtree and a presenter', async () => {
    const startsAt = new Date(Date.now() + 24 * hour).toISOString();
    const endsAt = new Date(Date.now() + 27 * hour).toISOString();
    const res = await organiser.post('/sessions', {
      title: 'Học tập, quán triệt Nghị quyết Đại hội XIV',
      topic: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV',
      startsAt,
      endsAt,
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.D1.id],
      presenterIds: [org.users.presenter.id],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'scheduled',
      mode: 'hybrid',
      hostUnitName: 'Tỉnh ủy Thử Nghiệm',
      invitedUnits: [{ unitId: org.units.D1.id, name: 'Huyện ủy Đông', memberCount: 3 }],
      presenters: [{ userId: org.users.presenter.id, displayName: 'Lê Báo Cáo' }],
      attendanceRules: { presentShare: 0.75, lateGraceMinutes: 10, leftEarlyToleranceMinutes: 5 },
    });
    sessionId = res.body.id;

    const invalid = await organiser.post('/sessions', {
      title: '',
      startsAt: endsAt,
      endsAt: startsAt,
      hostUnitId: org.units.P.id,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['endsAt', 'title']);
    const outOfScope = await districtOrganiser.post('/sessions', {
      title: 'x',
      startsAt,
      endsAt,
      hostUnitId: org.units.P.id,
    });
    expect(outOfScope.status).toBe(404);
    expect(
      (await secretary.post('/sessions', { title: 'x', startsAt, endsAt, hostUnitId: org.units.B1.id }))
        .status,
    ).toBe(403);
  });

  it('shows the session only to those it concerns', async () => {
    const titles = async (client: ApiClient) =>
      (await client.get('/sessions')).body.map((s: { id: string }) => s.id);
    expect(await titles(organiser)).toEqual([sessionId]);
    expect(await titles(districtOrganiser)).toEqual([sessionId]);
    expect(await titles(secretary)).toEqual([sessionId]);
    expect(await titles(presenter)).toEqual([sessionId]);
    const otherPresenter = await organiser.post('/users', {
      username: 'baocao2',
      password: 'mat-khau-moi-dai',
      displayName: 'Người Khác',
      role: 'presenter',
      unitId: org.units.P.id,
    });
    expect(otherPresenter.status).toBe(201);
    const other = await api.login('baocao2', 'mat-khau-moi-dai');
    expect(await titles(other)).toEqual([]);
    expect((await other.get(`/sessions/${sessionId}`)).status).toBe(404);
  });

  it('gives every invited member a personal link; secretaries see their own branch', async () => {
    const all = await organiser.get(`/sessions/${sessionId}/join-links`);
    expect(all.body.map((l: { fullName: string }) => l.fullName)).toEqual([
      'Nguyễn Văn An',
      'Phạm Thị Bình',
      'Hoàng Văn Cường',
    ]);
    expect(all.body[0].url).toMatch(/^https:\/\/hoinghi\.example\.vn\/j\/\S+$/);
    const own = await secretary.get(`/sessions/${sessionId}/join-links`);
    expect(own.body.map((l: { fullName: string }) => l.fullName)).toEqual(['Nguyễn Văn An', 'Phạm Thị Bình']);
    expect((await presenter.get(`/sessions/${sessionId}/join-links`)).status).toBe(403);

    const csv = await secretary.get(`/sessions/${sessionId}/join-links.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.raw.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Họ và tên');
    expect(lines[1]).toContain('Nguyễn Văn An');
  });

  it('lets a member in through their link and shows them only their invited sessions', async () => {
    const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body;
    const joined = await api.post('/auth/join', { token: linkToken(links[0].url) });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      sessionId,
      principal: { role: 'member', displayName: 'Nguyễn Văn An' },
    });
    const member = api.as(joined.body.token);
    expect((await member.get('/sessions')).body.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect((await member.get('/units')).status).toBe(403);
    expect((await member.get('/members')).status).toBe(403);
    expect((await member.post(`/sessions/${sessionId}/transitions`, { action: 'start' })).status).toBe(403);

    const tampered = linkToken(links[0].url).replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await api.post('/auth/join', { token: tampered })).body.code).toBe('TOKEN_INVALID');

    // Dung's branch (B3) is not invited: her own token sees nothing of the session.
    const s2 = await organiser.post('/sessions', {
      title: 'Chuyên đề riêng',
      startsAt: new Date(Date.now() + 48 * hour).toISOString(),
      endsAt: new Date(Date.now() + 49 * hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.B3.id],
    });
    const dungLink = (await organiser.get(`/sessions/${s2.body.id}/join-links`)).body[0];
    const dung = api.as((await api.post('/auth/join', { token: linkToken(dungLink.url) })).body.token);
    expect((await dung.get(`/sessions/${sessionId}`)).status).toBe(404);
    expect((await dung.get('/sessions')).body.map((s: { title: string }) => s.title)).toEqual([
      'Chuyên đề riêng',
    ]);
  });

  it('edits and reschedules with an audit entry and a reason', async () => {
    const startsAt = new Date(Date.now() + 30 * hour).toISOString();
    const endsAt = new Date(Date.now() + 33 * hour).toISOString();
    const res = await organiser.patch(`/sessions/${sessionId}`, {
      startsAt,
      endsAt,
      reason: 'Trùng lịch họp HĐND',
    });
    expect(res.status).toBe(200);
    expect(res.body.invitedUnits).toHaveLength(1);
    expect(res.body.presenters).toHaveLength(1);
    expect(Date.parse(res.body.startsAt)).toBe(Date.parse(startsAt));
    const audit = (await organiser.get(`/audit?sessionId=${sessionId}`)).body;
    expect(audit[0]).toMatchObject({
      action: 'session.rescheduled',
      reason: 'Trùng lịch họp HĐND',
      actorName: 'Nguyễn Văn Tổ',
    });
    expect((await presenter.patch(`/sessions/${sessionId}`, { title: 'x' })).status).toBe(403);
  });

  it('uploads reading materials that invited members can download', async () => {
    const text = 'Nghị quyết số 01-NQ/TW: nội dung cốt lõi.';
    const up = await presenter.upload(
      `/sessions/${sessionId}/materials`,
      'Tài liệu nghị quyết.txt',
      text,
      'text/plain',
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'Tài liệu nghị quyết.txt', size: Buffer.byteLength(text) });
    const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body;
    const member = api.as((await api.post('/auth/join', { token: linkToken(links[1].url) })).body.token);
    const session = (await member.get(`/sessions/${sessionId}`)).body;
    expect(session.materials.map((m: { fileName: string }) => m.fileName)).toEqual([
      'Tài liệu nghị quyết.txt',
    ]);
    const file = await member.get(`/materials/${up.body.id}/download`);
    expect(file.raw.toString('utf8')).toBe(text);
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''T%C3%A0i");
    expect((await organiser.upload(`/sessions/${sessionId}/materials`, 'virus.exe', 'MZ')).status).toBe(415);
    expect((await member.delete(`/materials/${up.body.id}`)).status).toBe(403);
  });

  it('runs the state machine with permission checks and audit entries', async () => {
    const go = (client: ApiClient, action: string, reason?: string) =>
      client.post(`/sessions/${sessionId}/transitions`, { action, reason });
    expect((await presenter.get(`/sessions/${sessionId}/actions`)).body).toEqual(['start']);
    expect((await go(secretary, 'start')).status).toBe(403);
    expect((await go(organiser, 'end')).body.code).toBe('INVALID_TRANSITION');
    const live = await go(presenter, 'start');
    expect(live.body).toMatchObject({ state: 'live', startedAt: expect.any(String) });
    const frozen = await organiser.patch(`/sessions/${sessionId}`, { startsAt: new Date().toISOString() });
    expect(frozen.status).toBe(409);
    expect((await organiser.patch(`/sessions/${sessionId}`, { description: 'Bổ sung' })).status).toBe(200);
    expect((await go(presenter, 'end')).body.state).toBe('ended');
    expect((await go(presenter, 'close_attendance')).status).toBe(403);
    expect((await go(organiser, 'close_attendance')).body.state).toBe('attendance_closed');
    expect((await organiser.patch(`/sessions/${sessionId}`, { title: 'x' })).status).toBe(409);
    expect((await go(organiser, 'reopen_attendance', 'Bổ sung người vắng có lý do')).body.state).toBe(
      'ended',
    );

    const actions = (await organiser.get(`/audit?sessionId=${sessionId}&entityType=session`)).body.map(
      (a: { action: string }) => a.action,
    );
    expect(actions.slice(0, 5)).toEqual([
      'session.reopen_attendance',
      'session.close_attendance',
      'session.end',
      'session.updated',
      'session.start',
    ]);
  });

  it('cancels a scheduled session with a reason', async () => {
    const created = await organiser.post('/sessions', {
      title: 'Sẽ hủy',
      startsAt: new Date(Date.now() + 72 * hour).toISOString(),
      endsAt: new Date(Date.now() + 73 * hour).toISOString(),
      hostUnitId: org.units.P.id,
    });
    const cancelled = await organiser.post(`/sessions/${created.body.id}/transitions`, {
      action: 'cancel',
      reason: 'Bão số 3',
    });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: 'Bão số 3' });
  });
});
