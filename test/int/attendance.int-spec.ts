import ExcelJS from 'exceljs';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { clientPort, NetworkProxy } from '../support/network-proxy';
import { memberTokens } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const hour = 3600_000;

/** Timings shortened through the environment, as the product reads them (no mocks). */
const fastClock = {
  ATTENDANCE_HEARTBEAT_MS: '400',
  ATTENDANCE_STALE_AFTER_MS: '1200',
  ATTENDANCE_CACHE_MS: '1',
  LIVE_PING_INTERVAL_MS: '400',
  LIVE_PING_TIMEOUT_MS: '400',
};

describe.each(databases)('attendance on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let api: ApiClient;
  let organiser: ApiClient;
  let secretary: ApiClient;
  let sessionId: string;
  let siteId: string;
  const tokens: Record<string, string> = {};
  const clients: LiveTestClient[] = [];

  let proxy: NetworkProxy;

  const connect = async (who: string, via = app.url) => {
    const client = new LiveTestClient(via, tokens[who]!);
    clients.push(client);
    const ack = await client.join(sessionId);
    if (!ack.ok) throw new Error(`${who} could not join: ${JSON.stringify(ack)}`);
    return client;
  };
  const as = (who: string) => api.as(tokens[who]!);
  const report = (client: ApiClient = organiser) => client.get(`/sessions/${sessionId}/attendance`);
  const row = (body: any, name: string) => body.members.find((m: any) => m.fullName === name);

  beforeAll(async () => {
    app = await startTestApp(kind, fastClock);
    proxy = await NetworkProxy.start(app.url);
    org = await organisationFactory(app.prisma);
    api = new ApiClient(app.url);
    organiser = await api.login('tochuc', TEST_PASSWORD);
    secretary = await api.login('bithu1', TEST_PASSWORD);
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết 57',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.D1.id, org.units.B3.id],
      presenterIds: [org.users.presenter.id],
    });
    sessionId = session.body.id;
    Object.assign(
      tokens,
      await memberTokens(organiser, sessionId, {
        an: 'Nguyễn Văn An',
        binh: 'Phạm Thị Bình',
        cuong: 'Hoàng Văn Cường',
      }),
    );
    const site = await secretary.post('/sites', { unitId: org.units.B1.id, name: 'Hội trường Thôn 1' });
    siteId = site.body.id;
    tokens.site = (await api.post('/auth/pair', { code: site.body.pairingCode })).body.token;
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await proxy?.stop();
    await app?.close();
  });

  it('records one interval per connection, closed on goodbye and by the heartbeat when a client goes silent', async () => {
    const an = await connect('an');
    const binh = await connect('binh', proxy.url);
    const intervals = () =>
      organiser.get(`/sessions/${sessionId}/attendance/intervals`).then((r) => r.body as any[]);
    await until(intervals, (list) => list.filter((i) => i.memberId && i.endedAt === null).length === 2);
    an.close();
    const closed = await until(intervals, (list) =>
      list.some((i) => i.memberId === org.members.an.id && i.endedAt),
    );
    expect(closed.find((i) => i.memberId === org.members.an.id)).toMatchObject({
      source: 'socket',
      endReason: 'goodbye',
      participantKey: `m:${org.members.an.id}`,
    });

    // Bình's network dies: the socket stays open but nothing answers the server's pings.
    const silentAt = Date.now();
    proxy.silence(clientPort(binh.socket));
    const dropped = await until(intervals, (list) =>
      list.some((i) => i.memberId === org.members.binh.id && i.endedAt),
    );
    const interval = dropped.find((i) => i.memberId === org.members.binh.id)!;
    expect(interval.endReason).toBe('heartbeat');
    // Ended at the last sign of life plus one ping period (400 ms), not when the server noticed
    // (a ping period and a ping timeout after the silence at the earliest). A loaded machine only
    // makes the last sign of life earlier, so the lower bound is loose and the upper one tight.
    const endedAfterSilence = Date.parse(interval.endedAt) - silentAt;
    expect(endedAfterSilence).toBeLessThan(700);
    expect(endedAfterSilence).toBeGreaterThan(-2000);
    binh.close();
  });

  it('shows organisers the whole session and secretaries their branch, and nobody else', async () => {
    const whole = await report();
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ wholeSession: true, locked: false, window: { provisional: true } });
    // By branch, then by given name in Vietnamese order.
    expect(whole.body.members.map((m: any) => m.fullName)).toEqual([
      'Đỗ Thị Dung',
      'Nguyễn Văn An',
      'Phạm Thị Bình',
      'Hoàng Văn Cường',
    ]);
    expect(whole.body.branches.map((b: any) => b.unitName)).toEqual([
      'Chi bộ Cơ quan',
      'Chi bộ Thôn 1',
      'Chi bộ Thôn 2',
    ]);
    expect(whole.body.total).toMatchObject({ required: 4, targetPercent: 95 });

    const branch = await report(secretary);
    expect(branch.body).toMatchObject({ wholeSession: false, scopeUnitName: 'Chi bộ Thôn 1' });
    expect(branch.body.members.map((m: any) => m.fullName)).toEqual(['Nguyễn Văn An', 'Phạm Thị Bình']);
    expect(branch.body.branches).toHaveLength(1);

    expect((await report(as('an'))).status).toBe(403);
    const presenter = await api.login('baocao', TEST_PASSWORD);
    expect((await report(presenter)).status).toBe(403);
  });

  it('lets a secretary excuse a member of their branch, audited with before, after and why', async () => {
    const marked = await secretary.post(`/sessions/${sessionId}/attendance/excuses`, {
      memberId: org.members.an.id,
      reason: 'illness',
      why: 'Giấy ốm ngày 12/3',
    });
    expect(marked.status).toBe(204);
    const other = await secretary.post(`/sessions/${sessionId}/attendance/excuses`, {
      memberId: org.members.cuong.id,
      reason: 'duty',
    });
    expect(other.status).toBe(404);
    const noNote = await secretary.post(`/sessions/${sessionId}/attendance/excuses`, {
      memberId: org.members.an.id,
      reason: 'other',
    });
    expect(noNote.status).toBe(400);
    await secretary.post(`/sessions/${sessionId}/attendance/excuses`, {
      memberId: org.members.an.id,
      reason: 'other',
      note: 'Chăm con ốm',
      why: 'Sửa lý do',
    });

    expect(row((await report(secretary)).body, 'Nguyễn Văn An').excuse).toMatchObject({
      reason: 'other',
      note: 'Chăm con ốm',
      markedBy: 'Trần Thị Bí',
    });
    const audit = (await organiser.get(`/audit?sessionId=${sessionId}&entityType=member`)).body as any[];
    const changes = audit.filter((e) => e.action === 'attendance.excused');
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({
      actorName: 'Trần Thị Bí',
      entityId: org.members.an.id,
      before: { reason: 'illness', note: null },
      after: { reason: 'other', note: 'Chăm con ốm' },
      reason: 'Sửa lý do',
    });
  });

  it('checks a member in at a connected room with its rotating code, and lets the secretary tick the roster', async () => {
    await connect('site');
    const code = await as('site').get(`/sessions/${sessionId}/check-in-code`);
    expect(code.status).toBe(200);
    expect(code.body).toMatchObject({
      siteId,
      siteName: 'Hội trường Thôn 1',
      digits: expect.stringMatching(/^\d{6}$/),
    });
    expect(code.body.url).toMatch(new RegExp(`/checkin/${sessionId}\\.${siteId}\\.${code.body.digits}$`));
    // A member cannot read the code from afar.
    expect((await as('binh').get(`/sessions/${sessionId}/check-in-code?siteId=${siteId}`)).status).toBe(404);

    const wrong = await as('cuong').post('/check-ins', {
      code: code.body.digits === '000000' ? '000001' : '000000',
    });
    expect(wrong.body).toMatchObject({ code: 'CHECKIN_CODE_INVALID' });
    // Cường (another branch) sits in this room and scans its QR code.
    const scanned = await as('cuong').post('/check-ins', { code: code.body.url.split('/checkin/')[1] });
    expect(scanned.body).toMatchObject({ siteId, siteName: 'Hội trường Thôn 1', already: false });
    // Typing the six digits finds the same room; scanning again changes nothing.
    expect((await as('cuong').post('/check-ins', { code: code.body.digits })).body).toMatchObject({
      already: true,
    });
    // Staff without a roster entry cannot check in.
    expect((await secretary.post('/check-ins', { code: code.body.digits })).status).toBe(403);

    // Bình has sat in the room since the start; its screen was switched on only now.
    const { window } = (await report()).body;
    const tick = await secretary.post(`/sessions/${sessionId}/attendance/check-ins`, {
      memberId: org.members.binh.id,
      siteId,
      at: window.start,
      why: 'Ngồi hàng đầu',
    });
    expect(tick.status).toBe(201);
    const after = await until(
      () => report(),
      (r) => row(r.body, 'Hoàng Văn Cường').siteMs > 0 && row(r.body, 'Phạm Thị Bình').checkIn !== null,
    );
    expect(row(after.body, 'Hoàng Văn Cường')).toMatchObject({
      connected: true,
      checkIn: { method: 'code' },
    });
    expect(row(after.body, 'Phạm Thị Bình')).toMatchObject({
      checkIn: { method: 'roster', recordedBy: 'Trần Thị Bí' },
      // A tick "from the start" counts from the start, not from when the screen connected.
      firstJoinAt: window.start,
      where: 'site',
      late: false,
    });
    expect(after.body.sites).toEqual([expect.objectContaining({ siteId, connected: true })]);

    const guests = await as('site').request('PUT', `/sessions/${sessionId}/attendance/guests/${siteId}`, {
      count: 3,
      note: 'Đại biểu xã',
    });
    expect(guests.body).toMatchObject({ count: 3, updatedBy: 'Hội trường Thôn 1' });
    expect((await report()).body.guestTotal).toBe(3);
  });

  it('locks the record when attendance is closed, refuses changes, and recomputes after an audited reopening', async () => {
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'end' });
    const ended = (await report()).body;
    expect(ended.window.provisional).toBe(false);
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'close_attendance' });
    const locked = (await report()).body;
    expect(locked).toMatchObject({ locked: true, lockedAt: expect.any(String) });
    expect(locked.members.map((m: any) => [m.fullName, m.status])).toEqual(
      ended.members.map((m: any) => [m.fullName, m.status]),
    );
    const refused = await secretary.post(`/sessions/${sessionId}/attendance/excuses`, {
      memberId: org.members.binh.id,
      reason: 'maternity',
    });
    expect(refused.body).toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
      details: { reason: 'attendance_locked' },
    });

    // The roster changes after closing; the record keeps the name as it was.
    await secretary.patch(`/members/${org.members.an.id}`, { fullName: 'Nguyễn Văn An Mới' });
    expect(row((await report()).body, 'Nguyễn Văn An')).toBeDefined();
    expect((await secretary.get(`/members/${org.members.an.id}/attendance`)).body.sessions[0]).toMatchObject({
      sessionId,
      locked: true,
    });

    await organiser.post(`/sessions/${sessionId}/transitions`, {
      action: 'reopen_attendance',
      reason: 'Sửa tên',
    });
    const reopened = (await report()).body;
    expect(reopened.locked).toBe(false);
    expect(row(reopened, 'Nguyễn Văn An Mới')).toBeDefined();
    const audit = (await organiser.get(`/audit?sessionId=${sessionId}&entityType=session`)).body as any[];
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['session.close_attendance', 'session.reopen_attendance']),
    );
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'close_attendance' });
    const relocked = await report();
    expect(relocked.body).toMatchObject({ locked: true });
  });

  it('exports CSV with a BOM, a workbook with a summary, a sheet per branch and the raw intervals, and a printable page', async () => {
    const csv = await organiser.get(`/sessions/${sessionId}/attendance.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.raw.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('Họ và tên');
    expect(lines).toHaveLength(5);
    expect(csv.headers.get('content-disposition')).toContain("filename*=UTF-8''");

    const xlsx = await organiser.get(`/sessions/${sessionId}/attendance.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Chi bộ Cơ quan',
      'Chi bộ Thôn 1',
      'Chi bộ Thôn 2',
      'Dữ liệu kết nối',
    ]);
    expect(book.getWorksheet('Chi bộ Thôn 2')!.getRow(2).getCell(2).value).toBe('Hoàng Văn Cường');
    expect(book.getWorksheet('Dữ liệu kết nối')!.rowCount).toBeGreaterThan(4);

    const english = await organiser.inLanguage('en').get(`/sessions/${sessionId}/attendance.csv`);
    expect(english.raw.toString('utf8')).toContain('Full name');

    const page = await organiser.get(`/sessions/${sessionId}/attendance.html`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('TỈNH ỦY THỬ NGHIỆM');
    expect(page.body).toContain('Học tập Nghị quyết 57');

    const branchCsv = await secretary.get(`/sessions/${sessionId}/attendance.csv`);
    expect(branchCsv.raw.toString('utf8').trim().split('\r\n')).toHaveLength(3);
  });

  it('gives a member their own history and a unit its yearly summary', async () => {
    const mine = await as('cuong').get('/members/me/attendance');
    expect(mine.body).toMatchObject({ fullName: 'Hoàng Văn Cường', sessions: [{ sessionId, locked: true }] });
    expect((await as('cuong').get(`/members/${org.members.an.id}/attendance`)).status).toBe(404);

    const year = new Date().getFullYear();
    const period = await organiser.get(`/units/${org.units.P.id}/attendance?year=${year}`);
    expect(period.body.sessions).toEqual([expect.objectContaining({ sessionId, locked: true })]);
    expect(period.body.members).toHaveLength(4);
    expect(period.body.total.required).toBe(4);
    const district = await organiser.get(`/units/${org.units.D1.id}/attendance?year=${year}`);
    expect(district.body.members.map((m: any) => m.fullName).sort()).toEqual(
      ['Hoàng Văn Cường', 'Nguyễn Văn An Mới', 'Phạm Thị Bình'].sort(),
    );
    const file = await organiser.get(`/units/${org.units.D1.id}/attendance.xlsx?year=${year}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.raw as unknown as ArrayBuffer);
    expect(book.worksheets).toHaveLength(3);
    expect((await secretary.get(`/units/${org.units.D1.id}/attendance?year=${year}`)).status).toBe(404);
  });
});
