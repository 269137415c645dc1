import ExcelJS from 'exceljs';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { memberTokens } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const hour = 3600_000;

/** Action programmes, the anonymous feedback survey and the year's evaluation, on one organisation. */
describe.each(databases)('after the session on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let secretary: ApiClient;
  let district: ApiClient;
  let sessionId: string;
  const as: Record<string, ApiClient> = {};

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
      presenterIds: [org.users.presenter.id],
    });
    sessionId = session.body.id;
    for (const action of ['start', 'end'])
      expect((await organiser.post(`/sessions/${sessionId}/transitions`, { action })).status).toBe(200);
    const tokens = await memberTokens(organiser, sessionId, {
      an: 'Nguyễn Văn An',
      binh: 'Phạm Thị Bình',
      cuong: 'Hoàng Văn Cường',
      dung: 'Đỗ Thị Dung',
    });
    for (const [who, token] of Object.entries(tokens)) as[who] = api.as(token);
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('action programmes', () => {
    let programmeId: string;
    let actionId: string;
    const b1 = () => `/sessions/${sessionId}/programmes/${org.units.B1.id}`;

    it("lets the branch's secretary draft it, members of the branch read it, and nobody else", async () => {
      const empty = await as.an!.get(`/sessions/${sessionId}/programmes/mine`);
      expect(empty.body).toMatchObject({
        id: null,
        state: 'draft',
        actions: [],
        unitName: 'Chi bộ Thôn 1',
        canEdit: false,
      });
      expect((await as.an!.post(`${b1()}/actions`, { title: 'x', owner: 'y' })).status).toBe(403);
      expect((await secretary.get(`/sessions/${sessionId}/programmes/${org.units.B2.id}`)).status).toBe(404);
      expect((await as.cuong!.get(b1())).status).toBe(404);
      const first = await secretary.post(`${b1()}/actions`, {
        title: 'Số hóa hồ sơ đảng viên',
        owner: 'Đồng chí An',
        dueDate: '2020-01-31',
      });
      expect(first.status).toBe(201);
      const second = await secretary.post(`${b1()}/actions`, {
        title: 'Tổ chức sinh hoạt chuyên đề',
        owner: 'Chi ủy',
      });
      programmeId = second.body.id;
      actionId = second.body.actions[1].id;
      expect(second.body).toMatchObject({ canEdit: true, progress: { total: 2, overdue: 1, done: 0 } });
      expect(
        (await secretary.post(`${b1()}/actions`, { title: ' ', owner: 'x', dueDate: '31/01/2026' })).status,
      ).toBe(400);
    });

    it('takes comments from the branch while open, then adopts it and audits every change', async () => {
      expect((await as.an!.post(`/programmes/${programmeId}/comments`, { body: 'Sớm quá' })).status).toBe(
        409,
      );
      expect(
        (
          await secretary.post(`/programmes/${programmeId}/open`, {
            commentsCloseAt: new Date(Date.now() - 1000).toISOString(),
          })
        ).status,
      ).toBe(409);
      const opened = await secretary.post(`/programmes/${programmeId}/open`, {
        commentsCloseAt: new Date(Date.now() + hour).toISOString(),
      });
      expect(opened.body.state).toBe('open');
      const commented = await as.binh!.post(`/programmes/${programmeId}/comments`, {
        body: 'Đề nghị thêm thời hạn cụ thể.',
      });
      expect(commented.status).toBe(201);
      expect(commented.body.comments).toEqual([
        expect.objectContaining({ authorName: 'Phạm Thị Bình', body: 'Đề nghị thêm thời hạn cụ thể.' }),
      ]);
      expect(
        (await as.cuong!.post(`/programmes/${programmeId}/comments`, { body: 'Không phải chi bộ tôi' }))
          .status,
      ).toBe(404);

      const adopted = await secretary.post(`/programmes/${programmeId}/adopt`);
      expect(adopted.body).toMatchObject({ state: 'adopted', adoptedBy: 'Trần Thị Bí', canComment: false });
      expect((await as.binh!.post(`/programmes/${programmeId}/comments`, { body: 'Muộn' })).status).toBe(409);
      const changed = await secretary.patch(`/programme-actions/${actionId}`, {
        status: 'done',
        dueDate: '2026-12-01',
        why: 'Đã tổ chức ngày 20/11',
      });
      expect(changed.body.progress).toMatchObject({ done: 1, total: 2 });
      const audit = await organiser.get(`/audit?entityType=programme&entityId=${programmeId}`);
      expect(audit.body.map((e: any) => e.action)).toEqual([
        'programme.action_changed',
        'programme.adopted',
        'programme.opened',
        'programme.action_added',
        'programme.action_added',
      ]);
      expect(audit.body[0]).toMatchObject({
        reason: 'Đã tổ chức ngày 20/11',
        before: { status: 'planned', dueDate: null },
        after: { status: 'done', dueDate: '2026-12-01' },
      });
    });

    it("shows the organiser every branch's programme and progress, and exports them", async () => {
      const overview = await district.get(`/sessions/${sessionId}/programmes`);
      expect(
        overview.body.branches.map((b: any) => [
          b.unitName,
          b.state,
          b.progress.done,
          b.progress.total,
          b.comments,
        ]),
      ).toEqual([
        ['Chi bộ Thôn 1', 'adopted', 1, 2, 1],
        ['Chi bộ Thôn 2', null, 0, 0, 0],
      ]);
      const all = await organiser.get(`/sessions/${sessionId}/programmes`);
      expect(all.body.branches.map((b: any) => b.unitName)).toEqual([
        'Chi bộ Cơ quan',
        'Chi bộ Thôn 1',
        'Chi bộ Thôn 2',
      ]);
      expect(all.body).toMatchObject({ adopted: 1, total: { total: 2, done: 1 } });
      expect((await as.an!.get(`/sessions/${sessionId}/programmes`)).status).toBe(403);

      const file = await organiser.get(`/sessions/${sessionId}/programmes/export.xlsx`);
      expect(file.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.raw as unknown as ArrayBuffer);
      const rows: string[][] = [];
      book
        .getWorksheet('Nhiệm vụ')!
        .eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      expect(rows).toEqual([
        ['Chi bộ', 'STT', 'Nhiệm vụ', 'Người thực hiện', 'Thời hạn', 'Tình trạng', 'Ghi chú'],
        ['Chi bộ Thôn 1', '1', 'Số hóa hồ sơ đảng viên', 'Đồng chí An', '31/01/2020', 'Chưa thực hiện'],
        ['Chi bộ Thôn 1', '2', 'Tổ chức sinh hoạt chuyên đề', 'Chi ủy', '01/12/2026', 'Hoàn thành'],
      ]);
    });
  });
});
