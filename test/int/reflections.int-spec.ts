import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { memberTokens } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const hour = 3600_000;
const scale = [
  { key: 'good', label: 'Tốt', passing: true },
  { key: 'pass', label: 'Đạt', passing: true },
  { key: 'fail', label: 'Chưa đạt', passing: false },
];
const words = (n: number) => Array.from({ length: n }, (_, i) => `chữ${i}`).join(' ');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const docx = Buffer.from(
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
);

describe.each(databases)('reflections on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let secretary: ApiClient;
  let district: ApiClient;
  let sessionId: string;
  const as: Record<string, ApiClient> = {};
  const settings = (deadline: number, minWords = 5) => ({
    deadline: new Date(deadline).toISOString(),
    questions: ['Liên hệ với công việc của bản thân?'],
    minWords,
    gradeScale: scale,
  });

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    const api = new ApiClient(app.url);
    organiser = await api.login('tochuc', TEST_PASSWORD);
    secretary = await api.login('bithu1', TEST_PASSWORD);
    district = await api.login('huyen', TEST_PASSWORD);
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết 57',
      startsAt: new Date(Date.now() - 2 * hour).toISOString(),
      endsAt: new Date(Date.now() - hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.D1.id, org.units.B3.id],
    });
    sessionId = session.body.id;
    for (const action of ['start', 'end'])
      expect((await organiser.post(`/sessions/${sessionId}/transitions`, { action })).status).toBe(200);
    const tokens = await memberTokens(organiser, sessionId, {
      an: 'Nguyễn Văn An',
      binh: 'Phạm Thị Bình',
      cuong: 'Hoàng Văn Cường',
    });
    for (const [who, token] of Object.entries(tokens)) as[who] = api.as(token);
  });

  afterAll(async () => {
    await app?.close();
  });

  const path = `/reflections/mine`;
  const mine = (who: string) => as[who]!.get(`/sessions/${sessionId}${path}`);
  const save = (who: string, body: string, baseVersion: number) =>
    as[who]!.request('PUT', `/sessions/${sessionId}${path}`, { body, baseVersion });

  it('lets only the organiser who runs the session ask for reflections, and refuses a scale nobody passes', async () => {
    expect((await as.an!.get(`/sessions/${sessionId}/reflections/settings`)).body).toEqual({
      settings: null,
    });
    expect((await mine('an')).status).toBe(404);
    const put = (client: ApiClient, body: unknown) =>
      client.request('PUT', `/sessions/${sessionId}/reflections/settings`, body);
    expect((await put(secretary, settings(Date.now() + hour))).status).toBe(403);
    const bad = await put(organiser, {
      ...settings(Date.now() + hour),
      gradeScale: scale.map((g) => ({ ...g, passing: false })),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/gradeScale/);
    const ok = await put(organiser, settings(Date.now() + hour));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ enabled: true, minWords: 5, gradeScale: scale });
  });

  it('autosaves sanitised text by version, refuses an older version, and submits only enough words', async () => {
    expect((await mine('an')).body).toMatchObject({ reflection: null, closedReason: null });
    const first = await save(
      'an',
      '<p onclick="steal()">Tôi sẽ <script>alert(1)</script><b>học</b> <a href="javascript:x">tốt</a></p><img src=x onerror=alert(1)>',
      0,
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, state: 'draft', body: '<p>Tôi sẽ học tốt</p>', words: 4 });

    // The same text from an old tab, written on version 0, does not overwrite version 1.
    const stale = await save('an', '<p>bản cũ</p>', 0);
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual({ reason: 'stale_version', version: 1 });

    const short = await as.an!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: 1 });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/5/);
    const longer = await save('an', `<p>${words(12)}</p><ul><li><strong>Một</strong></li></ul>`, 1);
    expect(longer.body).toMatchObject({ version: 2, words: 13 });
    expect((await as.an!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: 1 })).status).toBe(
      409,
    );
    const submitted = await as.an!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: 2 });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ state: 'submitted', changedSinceSubmit: false });
    expect((await as.an!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: 2 })).status).toBe(
      409,
    );

    // Editing after submitting keeps the submission; the reviewer still reads what was handed in.
    const edited = await save('an', `<p>${words(14)}</p>`, 2);
    expect(edited.body).toMatchObject({ state: 'submitted', changedSinceSubmit: true, version: 3 });
    const resubmitted = await as.an!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: 3 });
    expect(resubmitted.body).toMatchObject({ state: 'submitted', changedSinceSubmit: false, words: 14 });
  });

  it('takes a PDF, a DOCX or an image by content and refuses anything else, or too large', async () => {
    const upload = (name: string, data: Buffer) =>
      as.binh!.upload(`/sessions/${sessionId}/reflections/mine/attachment`, name, data);
    const disguised = await upload('bai.pdf', Buffer.from('MZ not a pdf at all'));
    expect(disguised.status).toBe(415);
    const notWord = await upload('bai.docx', Buffer.from(zipSync({ 'a.txt': strToU8('x') })));
    expect(notWord.status).toBe(415);
    const big = await upload('lon.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    const word = await upload('Bài thu hoạch.bin', docx);
    expect(word.status).toBe(201);
    expect(word.body.attachment).toMatchObject({
      fileName: 'Bài thu hoạch.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const replaced = await upload('ban-in.pdf', pdf);
    expect(replaced.body.attachment).toMatchObject({ fileName: 'ban-in.pdf', mimeType: 'application/pdf' });
    expect(replaced.body).toMatchObject({ version: 0, state: 'draft' });
    // Text typed before the attachment went up (written on version 0) still saves.
    expect((await save('binh', '<p>Bài của Bình</p>', 0)).body).toMatchObject({
      version: 1,
      body: '<p>Bài của Bình</p>',
    });
  });

  it('shows the secretary only their branch, never a draft, and other members nothing', async () => {
    await save('cuong', `<p>${words(6)}</p>`, 0);
    await as.cuong!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: 1 });
    const list = await secretary.get(`/sessions/${sessionId}/reflections`);
    expect(list.status).toBe(200);
    expect(list.body.members.map((m: any) => [m.fullName, m.state, m.attendance])).toEqual([
      ['Nguyễn Văn An', 'submitted', 'absent'],
      ['Phạm Thị Bình', 'draft', 'absent'],
    ]);
    const binhRow = list.body.members[1];
    expect(binhRow).toMatchObject({ reflectionId: null, words: null, hasAttachment: false });
    expect(list.body.total).toMatchObject({ required: 2, submitted: 1, drafts: 1, submissionRate: 0.5 });

    const whole = await district.get(`/sessions/${sessionId}/reflections`);
    expect(whole.body.branches.map((b: any) => [b.unitName, b.submitted, b.required])).toEqual([
      ['Chi bộ Thôn 1', 1, 2],
      ['Chi bộ Thôn 2', 1, 1],
    ]);
    const cuongId = whole.body.members.find((m: any) => m.fullName === 'Hoàng Văn Cường').reflectionId;
    const anId = list.body.members[0].reflectionId;
    expect((await secretary.get(`/reflections/${cuongId}`)).status).toBe(404);
    expect((await as.binh!.get(`/reflections/${anId}`)).status).toBe(404);
    expect((await as.binh!.get(`/sessions/${sessionId}/reflections`)).status).toBe(403);
    const read = await secretary.get(`/reflections/${anId}`);
    expect(read.body).toMatchObject({ fullName: 'Nguyễn Văn An', words: 14, gradeScale: scale });
  });

  it('grades with the session scale, audits it, shows the member the result and closes the reflection', async () => {
    const anId = (await as.an!.get(`/sessions/${sessionId}/reflections/mine`)).body.reflection.id;
    expect(
      (await secretary.post(`/reflections/${anId}/review`, { decision: 'grade', gradeKey: 'best' })).status,
    ).toBe(400);
    expect((await secretary.post(`/reflections/${anId}/review`, { decision: 'revise' })).status).toBe(400);
    const graded = await secretary.post(`/reflections/${anId}/review`, {
      decision: 'grade',
      gradeKey: 'good',
      comment: 'Liên hệ sát thực tế.',
    });
    expect(graded.status).toBe(201);
    const seen = (await mine('an')).body;
    expect(seen).toMatchObject({
      closedReason: 'graded',
      reflection: {
        state: 'graded',
        review: { gradeLabel: 'Tốt', comment: 'Liên hệ sát thực tế.', reviewedBy: 'Trần Thị Bí' },
      },
    });
    const locked = await save('an', '<p>sửa sau khi chấm</p>', seen.reflection.version);
    expect(locked.status).toBe(409);
    expect(locked.body.details).toEqual({ reason: 'reflection_graded' });
    const audit = await organiser.get(`/audit?entityType=reflection&entityId=${anId}`);
    expect(audit.body.map((e: any) => e.action)).toEqual([
      'reflection.graded',
      'reflection.resubmitted',
      'reflection.submitted',
    ]);
    expect(audit.body[0]).toMatchObject({ actorName: 'Trần Thị Bí', after: { grade: 'good' } });
  });

  it('exports the rates and each member beside their attendance, in CSV and XLSX', async () => {
    const csv = await secretary.get(`/sessions/${sessionId}/reflections/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.raw.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'STT,Họ và tên,Chi bộ,Diện,Điểm danh,Bài thu hoạch,Thời điểm nộp,Số chữ,Tệp đính kèm,Xếp loại,Nhận xét',
    );
    expect(lines[1]).toMatch(
      /^1,Nguyễn Văn An,Chi bộ Thôn 1,Phải tham dự,Vắng không lý do,Đã chấm,\d\d\/\d\d\/\d{4} [\d:]+,14,,Tốt,Liên hệ sát thực tế\.$/,
    );
    expect(lines[2]).toMatch(/^2,Phạm Thị Bình,.*,Đang viết \(chưa nộp\),,,,,$/);

    const xlsx = await district.get(`/sessions/${sessionId}/reflections/export.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Đảng viên']);
    const summary: string[][] = [];
    book.getWorksheet('Tổng hợp')!.eachRow((r) => summary.push((r.values as unknown[]).slice(1).map(String)));
    expect(summary).toContainEqual(['Chi bộ Thôn 1', '2', '1', '50', '0', '0', '1', '1', '100']);
    expect(summary).toContainEqual(['Tổng cộng', '3', '2', '66.7', '1', '0', '1', '1', '100']);
    expect(summary).toContainEqual(['Chi bộ Thôn 1', '1', '0', '0']);
  });

  it('closes writing at the deadline, and reopens a reflection sent back for revision', async () => {
    await organiser.request(
      'PUT',
      `/sessions/${sessionId}/reflections/settings`,
      settings(Date.now() - 1000),
    );
    const late = await save('binh', '<p>muộn</p>', 1);
    expect(late.status).toBe(409);
    expect(late.body.details).toEqual({ reason: 'after_deadline' });
    expect((await mine('binh')).body.closedReason).toBe('after_deadline');

    const cuongId = (await as.cuong!.get(`/sessions/${sessionId}/reflections/mine`)).body.reflection.id;
    const revise = await district.post(`/reflections/${cuongId}/review`, {
      decision: 'revise',
      comment: 'Bổ sung phần liên hệ.',
    });
    expect(revise.status).toBe(201);
    const reopened = await mine('cuong');
    expect(reopened.body).toMatchObject({ closedReason: null, reflection: { state: 'revision_requested' } });
    expect((await save('cuong', `<p>${words(9)}</p>`, 1)).status).toBe(200);
    expect(
      (await as.cuong!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: 2 })).body.state,
    ).toBe('submitted');
  });
});
