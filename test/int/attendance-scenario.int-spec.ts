import { rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { attendanceVi } from '../../libs/i18n/src/attendance.vi';
import { ApiClient } from '../support/api-client';
import { memberFactory, TEST_PASSWORD, unitFactory, userFactory } from '../support/factories';
import { LiveTestClient } from '../support/live-client';
import { clientPort, NetworkProxy } from '../support/network-proxy';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

/**
 * About 200 members in five branches live through one short session: they join, leave, drop without
 * a goodbye, reconnect, switch devices, sit in district rooms and are excused. The test keeps its own
 * record of what each did (the ground truth) and checks the exported CSV and workbook against it:
 * every status exactly, every attended duration within 5 seconds.
 */

/**
 * Heartbeats short enough to notice a dead connection within seconds (read from the environment), and
 * long enough that a busy two-core machine stalling for a moment does not drop every client at once.
 */
const fastClock = {
  ATTENDANCE_HEARTBEAT_MS: '1000',
  ATTENDANCE_STALE_AFTER_MS: '3000',
  ATTENDANCE_CACHE_MS: '1',
  LIVE_PING_INTERVAL_MS: '2000',
  LIVE_PING_TIMEOUT_MS: '3000',
};

type Status = 'present_online' | 'present_site' | 'late' | 'left_early' | 'excused' | 'absent';

/** What a member does during the session, and what the rules must make of it. */
const BEHAVIOURS = {
  full: 'present_online',
  two_devices: 'present_online',
  reconnect: 'present_online',
  drop: 'absent',
  drop_back: 'present_online',
  switch_device: 'present_online',
  late: 'late',
  short: 'absent',
  left_early: 'left_early',
  site_phone: 'present_site',
  site_scan: 'present_site',
  site_tick: 'present_site',
  excused_before: 'excused',
  excused_after: 'excused',
  excused_attended: 'present_online',
  absent: 'absent',
  exempt_attends: 'present_online',
  exempt_away: 'absent',
} as const satisfies Record<string, Status>;
type Behaviour = keyof typeof BEHAVIOURS;
/** Twenty slots, so that each branch of forty gets every behaviour twice ("full" six times). */
const SLOTS: Behaviour[] = ['full', 'full', 'full', ...(Object.keys(BEHAVIOURS) as Behaviour[]).slice(1)];

const BRANCHES = 5;
const PER_BRANCH = 40;
/** Live time of the session, and the moments (ms after the start) when things happen. */
const SESSION_MS = 16_000;
const AT = {
  drops: 2500,
  back: 3500,
  dropBack: 5000,
  second: 5000,
  excuse: 8000,
  secondGone: 9000,
  early: 13_500,
};

interface Person {
  memberId: string;
  name: string;
  branch: number;
  behaviour: Behaviour;
  token: string;
  /** Own-device connections, as the client saw them: [opened, closed or null]. */
  online: [number, number | null][];
  /** Time in the branch's room, from check-in on (the room's screen stays connected throughout). */
  siteFrom: number | null;
  clients: LiveTestClient[];
}

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

/** Length of the union of spans clipped to [from, to]; an open span runs to `to`. */
function covered(spans: [number, number | null][], from: number, to: number): number {
  const clipped = spans
    .map(([a, b]) => [Math.max(a, from), Math.min(b ?? to, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

const statusOfLabel = new Map(Object.entries(attendanceVi.status).map(([k, v]) => [v, k as Status]));

// One database is enough: the capture and export paths are the same SQL on both, and PostgreSQL
// would double the minute this takes (the smaller attendance suite covers both).
describe.each(databases.slice(0, 1))('an attendance scenario of 200 members on %s', (kind) => {
  let app: TestApp;
  let proxy: NetworkProxy;
  let organiser: ApiClient;
  let sessionId: string;
  const secretaries: ApiClient[] = [];
  const sites: { id: string; token: string; client?: LiveTestClient }[] = [];
  const people: Person[] = [];

  beforeAll(async () => {
    app = await startTestApp(kind, fastClock);
    proxy = await NetworkProxy.start(app.url);
    const api = new ApiClient(app.url);
    const P = await unitFactory(app.prisma, { name: 'Tỉnh ủy Kịch Bản', code: 'TU-KB', kind: 'committee' });
    await userFactory(app.prisma, {
      username: 'tochuc',
      role: 'organiser',
      unitId: P.id,
      displayName: 'Ban Tổ Chức',
    });
    organiser = await api.login('tochuc', TEST_PASSWORD);
    const tokens = app.running.app.get(TokenService);
    const branchIds: string[] = [];
    for (let b = 0; b < BRANCHES; b++) {
      const unit = await unitFactory(app.prisma, {
        name: `Chi bộ ${b + 1}`,
        code: `CB-${b + 1}`,
        kind: 'branch',
        parent: P,
      });
      branchIds.push(unit.id);
      await userFactory(app.prisma, { username: `bithu${b + 1}`, role: 'secretary', unitId: unit.id });
      secretaries.push(await api.login(`bithu${b + 1}`, TEST_PASSWORD));
      const site = await secretaries[b]!.post('/sites', { unitId: unit.id, name: `Điểm cầu ${b + 1}` });
      const paired = await api.post('/auth/pair', { code: site.body.pairingCode });
      sites.push({ id: site.body.id, token: paired.body.token });
    }
    for (let i = 0; i < BRANCHES * PER_BRANCH; i++) {
      const branch = i % BRANCHES;
      const behaviour = SLOTS[Math.floor(i / BRANCHES) % SLOTS.length]!;
      const name = `Đảng viên ${branch + 1}.${String(Math.floor(i / BRANCHES) + 1).padStart(2, '0')}`;
      const member = await memberFactory(app.prisma, {
        fullName: name,
        unitId: branchIds[branch]!,
        status: behaviour.startsWith('exempt') ? 'exempt' : 'active',
      });
      // Tokens as the join link would give them (200 link exchanges would only test the rate limit).
      const { token } = await tokens.issue({ kind: 'member', sub: member.id });
      people.push({
        memberId: member.id,
        name,
        branch,
        behaviour,
        token,
        online: [],
        siteFrom: null,
        clients: [],
      });
    }
    const session = await organiser.post('/sessions', {
      title: 'Hội nghị kịch bản điểm danh',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      hostUnitId: P.id,
      invitedUnitIds: branchIds,
      attendanceRules: { presentShare: 0.75, lateGraceMinutes: 0, leftEarlyToleranceMinutes: 0 },
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
  });

  afterAll(async () => {
    for (const p of people) p.clients.forEach((c) => c.close());
    sites.forEach((s) => s.client?.close());
    await proxy?.stop();
    await app?.close();
  });

  const connect = async (p: Person, via = app.url) => {
    const client = new LiveTestClient(via, p.token);
    const ack = await client.join(sessionId);
    if (!ack.ok) throw new Error(`${p.name} could not join: ${JSON.stringify(ack)}`);
    p.clients.push(client);
    p.online.push([Date.now(), null]);
    return p.online.length - 1;
  };
  const disconnect = (p: Person, index: number) => {
    p.online[index]![1] = Date.now();
    p.clients[index]!.close();
  };
  const silence = (p: Person, index: number) => {
    p.online[index]![1] = Date.now();
    proxy.silence(clientPort(p.clients[index]!.socket));
  };
  const as = (token: string) => new ApiClient(app.url, token);
  const who = (...behaviours: Behaviour[]) => people.filter((p) => behaviours.includes(p.behaviour));
  const secretaryOf = (p: Person) => secretaries[p.branch]!;
  const excuse = async (p: Person, reason: string, note?: string) => {
    const res = await secretaryOf(p).post(`/sessions/${sessionId}/attendance/excuses`, {
      memberId: p.memberId,
      reason,
      ...(note ? { note } : {}),
    });
    expect(res.status).toBe(204);
  };

  it('captures everyone as they come and go, and the exports match what happened', async () => {
    // Before the start: rooms' screens are on, people arrive, some are excused ahead.
    for (const site of sites) {
      site.client = new LiveTestClient(app.url, site.token);
      expect((await site.client.join(sessionId)).ok).toBe(true);
    }
    const early = who(
      'full',
      'two_devices',
      'reconnect',
      'switch_device',
      'short',
      'left_early',
      'site_phone',
    );
    const viaProxy = who('drop', 'drop_back');
    const alsoOnline = who('excused_attended', 'exempt_attends');
    await Promise.all([...early, ...alsoOnline].map((p) => connect(p)));
    await Promise.all(viaProxy.map((p) => connect(p, proxy.url)));
    for (const p of who('site_phone', 'site_scan')) {
      const code = await as(sites[p.branch]!.token).get(`/sessions/${sessionId}/check-in-code`);
      const scanned = await as(p.token).post('/check-ins', { code: code.body.url.split('/checkin/')[1] });
      expect(scanned.body).toMatchObject({ siteId: sites[p.branch]!.id, already: false });
      p.siteFrom = Date.parse(scanned.body.at);
    }
    for (const p of who('site_tick')) {
      const tick = await secretaryOf(p).post(`/sessions/${sessionId}/attendance/check-ins`, {
        memberId: p.memberId,
        siteId: sites[p.branch]!.id,
      });
      expect(tick.status).toBe(201);
      p.siteFrom = Date.parse(tick.body.at);
    }
    for (const p of who('excused_before')) await excuse(p, 'illness');

    const started = await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    expect(started.status).toBe(200);
    const t0 = Date.now();

    await sleepUntil(t0 + AT.drops);
    await Promise.all(who('late').map((p) => connect(p)));
    who('short', 'reconnect').forEach((p) => disconnect(p, 0));
    viaProxy.forEach((p) => silence(p, 0));

    await sleepUntil(t0 + AT.back);
    await Promise.all(who('reconnect').map((p) => connect(p)));
    for (const p of who('switch_device')) {
      await connect(p); // the laptop opens...
      disconnect(p, 0); // ...and the phone is put away
    }

    await sleepUntil(t0 + AT.second);
    await Promise.all([...who('drop_back'), ...who('two_devices')].map((p) => connect(p)));

    await sleepUntil(t0 + AT.excuse);
    for (const p of who('excused_attended')) await excuse(p, 'duty');
    // Meanwhile the live panel has seen the silent drops closed by the heartbeat.
    const live = await until(
      () => organiser.get(`/sessions/${sessionId}/attendance/intervals`).then((r) => r.body as any[]),
      (list) => list.filter((i) => i.endReason === 'heartbeat').length === viaProxy.length,
    );
    expect(
      live
        .filter((i) => i.endReason === 'heartbeat')
        .map((i) => i.memberId)
        .sort(),
    ).toEqual(viaProxy.map((p) => p.memberId).sort());

    await sleepUntil(t0 + AT.secondGone);
    who('two_devices').forEach((p) => disconnect(p, 1));

    await sleepUntil(t0 + AT.early);
    who('left_early').forEach((p) => disconnect(p, 0));

    await sleepUntil(t0 + SESSION_MS);
    expect((await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'end' })).status).toBe(200);
    for (const p of who('excused_after')) await excuse(p, 'other', 'Chăm mẹ ốm');
    expect(
      (await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'close_attendance' })).status,
    ).toBe(200);

    const report = (await organiser.get(`/sessions/${sessionId}/attendance`)).body;
    expect(report.locked).toBe(true);
    const start = Date.parse(report.window.start);
    const end = Date.parse(report.window.end);
    const truth = new Map(
      people.map((p) => {
        const spans: [number, number | null][] = [...p.online];
        if (p.siteFrom !== null) spans.push([p.siteFrom, null]);
        return [
          p.name,
          { person: p, status: BEHAVIOURS[p.behaviour], seconds: covered(spans, start, end) / 1000 },
        ];
      }),
    );

    // CSV: UTF-8 with a BOM, one row per member.
    const csv = await organiser.get(`/sessions/${sessionId}/attendance.csv`);
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(csv.raw.subarray(3).toString('utf8')) as string[][];
    const col = (key: keyof typeof attendanceVi.export.columns) =>
      header!.indexOf(attendanceVi.export.columns[key]);
    expect(rows).toHaveLength(people.length);
    checkRows(
      truth,
      rows.map((r) => ({
        name: r[col('fullName')]!,
        unit: r[col('unit')]!,
        status: r[col('status')]!,
        seconds: Number(r[col('attendedSeconds')]),
        excuse: r[col('excuseReason')]!,
      })),
    );

    // XLSX: a summary, a sheet per branch with its members, and the raw intervals.
    const file = await organiser.get(`/sessions/${sessionId}/attendance.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.raw as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      attendanceVi.export.summarySheet,
      ...Array.from({ length: BRANCHES }, (_, b) => `Chi bộ ${b + 1}`),
      attendanceVi.export.intervalsSheet,
    ]);
    const sheetRows: { name: string; unit: string; status: string; seconds: number; excuse: string }[] = [];
    for (let b = 0; b < BRANCHES; b++) {
      const sheet = book.getWorksheet(`Chi bộ ${b + 1}`)!;
      const head = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
      const at = (key: keyof typeof attendanceVi.export.columns) =>
        head.indexOf(attendanceVi.export.columns[key]);
      expect(sheet.rowCount).toBe(PER_BRANCH + 1);
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        sheetRows.push({
          name: String(row.getCell(at('fullName')).value),
          unit: String(row.getCell(at('unit')).value),
          status: String(row.getCell(at('status')).value),
          seconds: Number(row.getCell(at('attendedSeconds')).value),
          excuse: String(row.getCell(at('excuseReason')).value ?? ''),
        });
      });
    }
    checkRows(truth, sheetRows);

    // The summary's branch table: required, attending and excused per branch, summed for the total.
    const summary = book.getWorksheet(attendanceVi.export.summarySheet)!;
    const branchRow = (name: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === name) found = row;
      });
      return found!;
    };
    const requiredOf = (list: Person[]) => list.filter((p) => !p.behaviour.startsWith('exempt'));
    const attendingOf = (list: Person[]) =>
      requiredOf(list).filter((p) => !['excused', 'absent'].includes(BEHAVIOURS[p.behaviour]));
    for (let b = 0; b < BRANCHES; b++) {
      const branch = people.filter((p) => p.branch === b);
      const row = branchRow(`Chi bộ ${b + 1}`);
      expect([row.getCell(2).value, row.getCell(3).value]).toEqual([
        requiredOf(branch).length,
        attendingOf(branch).length,
      ]);
    }
    expect(report.total).toMatchObject({
      required: requiredOf(people).length,
      attending: attendingOf(people).length,
      excused: who('excused_before', 'excused_after').length,
      voluntary: who('exempt_attends').length,
    });

    // Raw intervals: one per connection, the silent ones closed by the heartbeat.
    const raw = book.getWorksheet(attendanceVi.export.intervalsSheet)!;
    const connections = people.reduce((n, p) => n + p.online.length, 0) + sites.length;
    expect(raw.rowCount - 1).toBeGreaterThanOrEqual(connections);
  });
});

function checkRows(
  truth: Map<string, { person: Person; status: Status; seconds: number }>,
  rows: { name: string; unit: string; status: string; seconds: number; excuse: string }[],
): void {
  expect(rows.map((r) => r.name).sort()).toEqual([...truth.keys()].sort());
  const wrongStatus: string[] = [];
  const wrongTime: string[] = [];
  for (const row of rows) {
    const expected = truth.get(row.name)!;
    const status = statusOfLabel.get(row.status);
    if (status !== expected.status || row.unit !== `Chi bộ ${expected.person.branch + 1}`)
      wrongStatus.push(`${row.name} (${expected.person.behaviour}): ${row.status} in ${row.unit}`);
    if (Math.abs(row.seconds - expected.seconds) > 5)
      wrongTime.push(
        `${row.name} (${expected.person.behaviour}): ${row.seconds} s, expected ${expected.seconds.toFixed(1)} s`,
      );
    if (expected.person.behaviour.startsWith('excused') !== (row.excuse !== ''))
      wrongStatus.push(`${row.name} (${expected.person.behaviour}): excuse "${row.excuse}"`);
  }
  expect(wrongStatus).toEqual([]);
  expect(wrongTime).toEqual([]);
}

describe.each(databases.slice(0, 1))('attendance across a server restart on %s', (kind) => {
  it('keeps what was open when the server stops, and closes what a crashed server left by the heartbeat rule', async () => {
    const first = await startTestApp(kind, fastClock);
    const keep: Record<string, string> =
      kind === 'pglite' ? { DATA_DIR: first.dataDir } : { DATABASE_URL: first.running.db.url };
    let second: TestApp | null = null;
    const clients: LiveTestClient[] = [];
    try {
      const P = await unitFactory(first.prisma, {
        name: 'Tỉnh ủy Khởi Động',
        code: 'TU-KD',
        kind: 'committee',
      });
      const B = await unitFactory(first.prisma, {
        name: 'Chi bộ Trực',
        code: 'CB-T',
        kind: 'branch',
        parent: P,
      });
      await userFactory(first.prisma, { username: 'tochuc', role: 'organiser', unitId: P.id });
      const an = await memberFactory(first.prisma, { fullName: 'Nguyễn Văn An', unitId: B.id });
      const binh = await memberFactory(first.prisma, { fullName: 'Phạm Thị Bình', unitId: B.id });
      const organiser = await new ApiClient(first.url).login('tochuc', TEST_PASSWORD);
      const session = await organiser.post('/sessions', {
        title: 'Hội nghị qua lần khởi động lại',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        hostUnitId: P.id,
        invitedUnitIds: [B.id],
      });
      const sessionId = session.body.id as string;
      await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
      const anToken = (await first.running.app.get(TokenService).issue({ kind: 'member', sub: an.id })).token;
      const before = new LiveTestClient(first.url, anToken);
      clients.push(before);
      expect((await before.join(sessionId)).ok).toBe(true);
      await until(
        () => first.prisma.presenceInterval.count({ where: { memberId: an.id, endedAt: null } }),
        (n) => n === 1,
      );
      // Bình's interval was open on another instance that died: its last heartbeat was 5 s ago.
      const crashedSeen = new Date(Date.now() - 5000);
      await first.prisma.presenceInterval.create({
        data: {
          id: 'crashed-instance-interval',
          sessionId,
          participantKey: `m:${binh.id}`,
          memberId: binh.id,
          name: binh.fullName,
          source: 'socket',
          connectionId: 'gone',
          startedAt: new Date(Date.now() - 20_000),
          lastSeenAt: crashedSeen,
        },
      });

      const stoppedAt = Date.now();
      await first.running.close();
      second = await startTestApp(kind, { ...fastClock, ...keep });
      const after = new LiveTestClient(second.url, anToken);
      clients.push(after);
      expect((await after.join(sessionId)).ok).toBe(true);

      const rows = await until(
        () =>
          second!.prisma.presenceInterval.findMany({ where: { sessionId }, orderBy: { startedAt: 'asc' } }),
        (list) =>
          list.filter((i) => i.memberId === an.id).length === 2 && list.some((i) => i.endReason === 'stale'),
      );
      const [stopped, resumed] = rows.filter((i) => i.memberId === an.id);
      // Closed when the server stopped (its sockets said goodbye as it shut down), not lost.
      expect(['goodbye', 'shutdown']).toContain(stopped!.endReason);
      expect(Math.abs(stopped!.endedAt!.getTime() - stoppedAt)).toBeLessThan(2000);
      expect(resumed!.endedAt).toBeNull();
      // The dead instance's interval ends at its last heartbeat plus one heartbeat period.
      const crashed = rows.find((i) => i.id === 'crashed-instance-interval')!;
      expect(crashed.endedAt!.getTime()).toBe(
        crashedSeen.getTime() + Number(fastClock.ATTENDANCE_HEARTBEAT_MS),
      );
    } finally {
      clients.forEach((c) => c.close());
      await second?.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});
