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
      // The draft is the secretary's working copy: members see it once it is opened for comments.
      const unpublished = await as.an!.get(`/sessions/${sessionId}/programmes/mine`);
      expect(unpublished.body).toMatchObject({ id: null, state: 'draft', actions: [], comments: [] });
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
      const published = await as.an!.get(`/sessions/${sessionId}/programmes/mine`);
      expect(published.body).toMatchObject({ id: programmeId, state: 'open' });
      expect(published.body.actions).toHaveLength(2);
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

  describe('anonymous feedback', () => {
    let templateId: string;
    const presenterId = () => org.users.presenter.id;
    const answer = (who: string, answers: unknown) =>
      as[who]!.post(`/sessions/${sessionId}/feedback/answers`, { answers });

    it('opens a survey from a reusable template the organiser made', async () => {
      const body = {
        name: 'Phiếu góp ý chuẩn',
        questions: [
          { id: 'clarity', kind: 'rating', text: 'Báo cáo viên trình bày rõ ràng', perPresenter: true },
          { id: 'discussion', kind: 'rating', text: 'Thời gian thảo luận' },
          { id: 'change', kind: 'text', text: 'Cần thay đổi gì?' },
        ],
      };
      expect((await secretary.post('/feedback/templates', body)).status).toBe(403);
      const made = await organiser.post('/feedback/templates', body);
      expect(made.status).toBe(201);
      templateId = made.body.id;
      expect((await district.get('/feedback/templates')).body.map((t: any) => t.name)).toEqual([
        'Phiếu góp ý chuẩn',
      ]);
      expect((await answer('an', { discussion: 4 })).status).toBe(404);
      const opened = await organiser.request('PUT', `/sessions/${sessionId}/feedback`, {
        templateId,
        closesAt: new Date(Date.now() + hour).toISOString(),
      });
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({ open: true, presenters: [{ displayName: 'Lê Báo Cáo' }] });
    });

    it('takes one answer per member, keeps no link from an answer to anyone, and shows results from three answers', async () => {
      expect((await answer('an', { discussion: 7 })).status).toBe(400);
      expect((await answer('an', { clarity: { someone: 5 } })).status).toBe(400);
      expect(
        (
          await answer('an', {
            clarity: { [presenterId()]: 5 },
            discussion: 2,
            change: 'Thêm thời gian thảo luận',
          })
        ).status,
      ).toBe(201);
      const twice = await answer('an', { discussion: 5 });
      expect(twice.status).toBe(409);
      expect(twice.body.details).toEqual({ reason: 'feedback_already_sent' });
      expect((await as.an!.get(`/sessions/${sessionId}/feedback`)).body.answered).toBe(true);
      expect((await as.binh!.get(`/sessions/${sessionId}/feedback`)).body.answered).toBe(false);
      await answer('binh', { clarity: { [presenterId()]: 4 }, discussion: 4 });
      const early = await organiser.get(`/sessions/${sessionId}/feedback/results`);
      expect(early.body).toMatchObject({ responses: 2, hidden: true, questions: [] });
      await answer('cuong', { clarity: { [presenterId()]: 3 }, change: 'Ít chữ trên trang chiếu hơn' });

      // What is stored: answers without member or time, receipts without answers.
      const responses = await app.prisma.feedbackResponse.findMany({ where: { sessionId } });
      const receipts = await app.prisma.feedbackReceipt.findMany({ where: { sessionId } });
      expect(responses.map((r) => Object.keys(r).sort())).toEqual(
        Array(3).fill(['answers', 'id', 'sessionId']),
      );
      expect(receipts.map((r) => Object.keys(r).sort())).toEqual(Array(3).fill(['memberId', 'sessionId']));
      const stored = JSON.stringify(responses);
      for (const m of Object.values(org.members)) expect(stored).not.toContain(m.id);

      const results = await organiser.get(`/sessions/${sessionId}/feedback/results`);
      expect(results.body).toMatchObject({ responses: 3, hidden: false });
      const of = (id: string) => results.body.questions.find((q: any) => q.questionId === id);
      expect(of('clarity')).toMatchObject({ presenterName: 'Lê Báo Cáo', rating: { count: 3, mean: 4 } });
      expect(of('discussion').rating).toMatchObject({ count: 2, mean: 3 });
      expect(of('change').texts).toEqual(['Ít chữ trên trang chiếu hơn', 'Thêm thời gian thảo luận']);
      expect(JSON.stringify(results.body)).not.toMatch(/Nguyễn Văn An|Phạm Thị Bình|Hoàng Văn Cường/);
      expect((await as.an!.get(`/sessions/${sessionId}/feedback/results`)).status).toBe(403);
      expect((await secretary.get(`/sessions/${sessionId}/feedback/results`)).status).toBe(403);

      const presenter = await organiser.get(`/feedback/presenters/${presenterId()}`);
      expect(presenter.body.sessions).toEqual([
        expect.objectContaining({
          title: 'Học tập Nghị quyết 57',
          responses: 3,
          questions: [expect.objectContaining({ questionId: 'clarity' })],
        }),
      ]);
    });
  });

  describe("the year's evaluation", () => {
    it("adds up each member's attendance and reflections, and each branch against its target", async () => {
      await organiser.request('PUT', `/sessions/${sessionId}/reflections/settings`, {
        deadline: new Date(Date.now() + hour).toISOString(),
        minWords: 0,
        gradeScale: [
          { key: 'good', label: 'Tốt', passing: true },
          { key: 'fail', label: 'Chưa đạt', passing: false },
        ],
      });
      const saved = await as.an!.request('PUT', `/sessions/${sessionId}/reflections/mine`, {
        body: '<p>Bài thu hoạch</p>',
        baseVersion: 0,
      });
      await as.an!.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: saved.body.version });
      const list = await secretary.get(`/sessions/${sessionId}/reflections`);
      await secretary.post(`/reflections/${list.body.members[0].reflectionId}/review`, {
        decision: 'grade',
        gradeKey: 'good',
      });
      await secretary.post(`/sessions/${sessionId}/attendance/excuses`, {
        memberId: org.members.binh.id,
        reason: 'illness',
      });

      const year = await district.get(`/units/${org.units.D1.id}/evaluation`);
      expect(year.status).toBe(200);
      expect(year.body.grades).toEqual(['Tốt', 'Chưa đạt']);
      expect(
        year.body.members.map((m: any) => [
          m.fullName,
          m.figures.required,
          m.figures.excused,
          m.figures.reflectionsSubmitted,
          m.figures.byGrade,
        ]),
      ).toEqual([
        ['Nguyễn Văn An', 1, 0, 1, { Tốt: 1 }],
        ['Phạm Thị Bình', 1, 1, 0, {}],
        ['Hoàng Văn Cường', 1, 0, 0, {}],
      ]);
      const b1 = year.body.branches.find((b: any) => b.unitName === 'Chi bộ Thôn 1');
      expect(b1).toMatchObject({
        targetPercent: 95,
        attendanceMeetsTarget: false,
        reflectionsMeetTarget: false,
        figures: {
          required: 2,
          attended: 0,
          excused: 1,
          absent: 1,
          reflectionsAsked: 2,
          reflectionsSubmitted: 1,
          submissionRate: 0.5,
        },
      });
      expect(year.body.total.figures).toMatchObject({
        required: 3,
        reflectionsAsked: 3,
        reflectionsSubmitted: 1,
      });

      expect((await secretary.get(`/units/${org.units.B1.id}/evaluation`)).body.members).toHaveLength(2);
      expect((await secretary.get(`/units/${org.units.D1.id}/evaluation`)).status).toBe(404);
      expect((await as.an!.get(`/units/${org.units.B1.id}/evaluation`)).status).not.toBe(200);

      const file = await district.get(`/units/${org.units.D1.id}/evaluation.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.raw as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Theo chi bộ', 'Theo đảng viên', 'Các hội nghị']);
      const members: string[][] = [];
      book
        .getWorksheet('Theo đảng viên')!
        .eachRow((r) => members.push((r.values as unknown[]).slice(1).map(String)));
      expect(members[1]).toEqual([
        '1',
        'Nguyễn Văn An',
        'Chi bộ Thôn 1',
        '1',
        '0',
        '0',
        '1',
        '0',
        '1',
        '1',
        '100',
        '1',
        '1',
        '0',
      ]);

      const print = await district.get(`/units/${org.units.D1.id}/evaluation.html`);
      expect(print.headers.get('content-type')).toMatch(/text\/html/);
      expect(print.body).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(print.body).toContain('<td>Học tập Nghị quyết 57</td><td>Có</td>');
      expect(print.body).toContain('Kết quả học tập, quán triệt nghị quyết năm');
      expect(print.body).toContain('Nguyễn Văn An');
    });
  });
});
