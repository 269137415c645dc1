import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { memberTokens } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const hour = 3600_000;
const words = (n: number) => Array.from({ length: n }, (_, i) => `chữ${i}`).join(' ');

/** Excel's CSV (UTF-8 with BOM) as rows of cells. */
const parseCsv = (raw: Buffer): string[][] => parse(raw, { bom: true, relax_column_count: true });

/** The cells of a sheet's rows as plain values. */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** The table under the header row that holds `column`, as objects keyed by header. */
function table(sheet: ExcelJS.Worksheet, column: string): Record<string, unknown>[] {
  const rows = sheetRows(sheet);
  const at = rows.findIndex((r) => r.includes(column));
  expect(at).toBeGreaterThanOrEqual(0);
  const header = rows[at] as string[];
  const out: Record<string, unknown>[] = [];
  for (const r of rows.slice(at + 1)) {
    if (!r.length || r.every((v) => v === undefined || v === null || v === '')) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  }
  return out;
}

async function workbook(res: { raw: Buffer; status: number }): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.raw as unknown as ArrayBuffer);
  return book;
}

describe.each(databases)('reflection rates in the attendance exports on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let secretary: ApiClient;
  let asked: string;
  let plain: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    const api = new ApiClient(app.url);
    organiser = await api.login('tochuc', TEST_PASSWORD);
    secretary = await api.login('bithu1', TEST_PASSWORD);
    const session = async (title: string, hoursAgo: number) => {
      const res = await organiser.post('/sessions', {
        title,
        startsAt: new Date(Date.now() - (hoursAgo + 1) * hour).toISOString(),
        endsAt: new Date(Date.now() - hoursAgo * hour).toISOString(),
        hostUnitId: org.units.P.id,
        invitedUnitIds: [org.units.D1.id],
      });
      expect(res.status).toBe(201);
      for (const action of ['start', 'end'])
        expect((await organiser.post(`/sessions/${res.body.id}/transitions`, { action })).status).toBe(200);
      return res.body.id as string;
    };
    asked = await session('Học tập Nghị quyết 57', 2);
    plain = await session('Hội nghị không yêu cầu thu hoạch', 5);
    const put = await organiser.put(`/sessions/${asked}/reflections/settings`, {
      deadline: new Date(Date.now() + 48 * hour).toISOString(),
      minWords: 3,
      gradeScale: [
        { key: 'good', label: 'Tốt', passing: true },
        { key: 'fail', label: 'Chưa đạt', passing: false },
      ],
    });
    expect(put.status).toBe(200);
    const tokens = await memberTokens(organiser, asked, { an: 'Nguyễn Văn An', binh: 'Phạm Thị Bình' });
    const handIn = async (token: string) => {
      const client = api.as(token);
      const saved = await client.put(`/sessions/${asked}/reflections/mine`, {
        body: `<p>${words(5)}</p>`,
        baseVersion: 0,
      });
      const sent = await client.post(`/sessions/${asked}/reflections/mine/submit`, {
        version: saved.body.version,
      });
      expect(sent.status).toBe(201);
      return sent.body.id as string;
    };
    const an = await handIn(tokens.an!);
    await handIn(tokens.binh!);
    const graded = await secretary.post(`/reflections/${an}/review`, { decision: 'grade', gradeKey: 'good' });
    expect(graded.status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("puts each member's reflection and grade beside their attendance in the session CSV", async () => {
    const rows = parseCsv((await organiser.get(`/sessions/${asked}/attendance.csv`)).raw);
    const [header, ...members] = rows;
    expect(header!.slice(-2)).toEqual(['Bài thu hoạch', 'Xếp loại bài thu hoạch']);
    const byName = Object.fromEntries(members.map((r) => [r[1], r.slice(-2)]));
    expect(byName).toEqual({
      'Nguyễn Văn An': ['Đã chấm', 'Tốt'],
      'Phạm Thị Bình': ['Đã nộp, chờ chấm', ''],
      'Hoàng Văn Cường': ['Chưa viết', ''],
    });

    // The secretary's file has their branch only, with the same columns.
    const own = parseCsv((await secretary.get(`/sessions/${asked}/attendance.csv`)).raw);
    expect(own.slice(1).map((r) => [r[1], ...r.slice(-2)])).toEqual([
      ['Nguyễn Văn An', 'Đã chấm', 'Tốt'],
      ['Phạm Thị Bình', 'Đã nộp, chờ chấm', ''],
    ]);

    // A session that asked for no reflection keeps the attendance columns alone; English labels too.
    const none = parseCsv((await organiser.get(`/sessions/${plain}/attendance.csv`)).raw);
    expect(none[0]).not.toContain('Bài thu hoạch');
    const english = parseCsv((await organiser.inLanguage('en').get(`/sessions/${asked}/attendance.csv`)).raw);
    expect(english[0]!.slice(-2)).toEqual(['Reflection', 'Reflection grade']);
  });

  it('gives each branch its submission and pass rates beside attendance in the session workbook', async () => {
    const book = await workbook(await organiser.get(`/sessions/${asked}/attendance.xlsx`));
    const branches = table(book.getWorksheet('Tổng hợp')!, 'Tỉ lệ nộp bài (%)');
    const pick = (r: Record<string, unknown>) => [
      r['Chi bộ'],
      r['Bài thu hoạch đã nộp'],
      r['Tỉ lệ nộp bài (%)'],
      r['Bài đạt trở lên'],
      r['Tỉ lệ bài đạt (%)'],
    ];
    expect(branches.map(pick)).toEqual([
      ['Chi bộ Thôn 1', 2, 100, 1, 100],
      ['Chi bộ Thôn 2', 0, 0, 0, ''],
      ['Tổng cộng', 2, 66.7, 1, 100],
    ]);
    const members = table(book.getWorksheet('Chi bộ Thôn 1')!, 'Bài thu hoạch');
    expect(members.map((m) => [m['Họ và tên'], m['Bài thu hoạch'], m['Xếp loại bài thu hoạch']])).toEqual([
      ['Nguyễn Văn An', 'Đã chấm', 'Tốt'],
      ['Phạm Thị Bình', 'Đã nộp, chờ chấm', ''],
    ]);

    const none = await workbook(await organiser.get(`/sessions/${plain}/attendance.xlsx`));
    expect(sheetRows(none.getWorksheet('Tổng hợp')!).flat()).not.toContain('Tỉ lệ nộp bài (%)');
  });

  it("adds the rates per session and per branch to a unit's year, counting only sessions that asked", async () => {
    const book = await workbook(
      await organiser.get(`/units/${org.units.D1.id}/attendance.xlsx?year=${year}`),
    );
    const summary = book.getWorksheet('Tổng hợp')!;
    const sessions = table(summary, 'Hội nghị');
    expect(
      sessions.map((s) => [
        s['Hội nghị'],
        s['Bài thu hoạch đã nộp'],
        s['Tỉ lệ nộp bài (%)'],
        s['Tỉ lệ bài đạt (%)'],
      ]),
    ).toEqual([
      ['Hội nghị không yêu cầu thu hoạch', '', '', ''],
      ['Học tập Nghị quyết 57', 2, 66.7, 100],
    ]);
    const branches = table(summary, 'Chi bộ');
    expect(branches.map((b) => [b['Chi bộ'], b['Bài thu hoạch đã nộp'], b['Tỉ lệ nộp bài (%)']])).toEqual([
      ['Chi bộ Thôn 1', 2, 100],
      ['Chi bộ Thôn 2', 0, 0],
      ['Tổng cộng', 2, 66.7],
    ]);

    const csv = parseCsv((await organiser.get(`/units/${org.units.D1.id}/attendance.csv?year=${year}`)).raw);
    const [header, ...rows] = csv;
    expect(header!.slice(-2)).toEqual(['Bài thu hoạch', 'Xếp loại bài thu hoạch']);
    const an = rows.filter((r) => r.includes('Nguyễn Văn An')).map((r) => [r[0], ...r.slice(-2)]);
    expect(an).toEqual([
      ['Hội nghị không yêu cầu thu hoạch', '', ''],
      ['Học tập Nghị quyết 57', 'Đã chấm', 'Tốt'],
    ]);
  });
});
