import ExcelJS from 'exceljs';
import { ApiClient } from '../support/api-client';
import { organisationFactory } from '../support/factories';
import { databases, startTestApp, type TestApp } from '../support/test-app';

const BOM = '\uFEFF';
const header = 'STT,Họ và tên,Chi bộ,Chức vụ,Số điện thoại,Email,Trạng thái';

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(databases)('rosters on %s', (kind) => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let organiser: ApiClient;
  let secretary: ApiClient;

  const memberNames = async (unitId: string) =>
    (await organiser.get(`/members?unitId=${unitId}`)).body.map((m: { fullName: string }) => m.fullName);

  beforeAll(async () => {
    app = await startTestApp(kind);
    org = await organisationFactory(app.prisma);
    const api = new ApiClient(app.url);
    organiser = await api.login('tochuc', 'mat-khau-thu-nghiem');
    secretary = await api.login('bithu1', 'mat-khau-thu-nghiem');
  });
  afterAll(() => app?.close());

  it('imports a CSV with Vietnamese names intact, sorted by given name', async () => {
    const csv = `${BOM}${header}\r\n1,Trần Thị Ngọc Ánh,CB2,Đảng viên,0987 654 321,anh@vnpt.vn,Đang sinh hoạt\r\n2,"Lê Văn Đạt",Chi bộ Thôn 2,,,,Miễn sinh hoạt\r\n`;
    const res = await organiser.upload('/members/import', 'danh-sach.csv', csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, imported: 2, rows: 2, errors: [], dryRun: false });
    const members = (await organiser.get(`/members?unitId=${org.units.B2.id}`)).body;
    expect(members.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Trần Thị Ngọc Ánh',
      'Hoàng Văn Cường',
      'Lê Văn Đạt',
    ]);
    expect(members[0]).toMatchObject({
      phone: '0987654321',
      email: 'anh@vnpt.vn',
      status: 'active',
      unitName: 'Chi bộ Thôn 2',
    });
    expect(members[2].status).toBe('exempt');
  });

  it('rejects a file with any bad row, changing nothing, and reports each problem by row and column', async () => {
    const before = await memberNames(org.units.B2.id);
    const csv = `${header}\n1,Nguyễn Hữu Tốt,CB2,,,,\n2,,CB2,,,,\n3,Phan Văn Sai,CB99,,12345,khong-phai-email,\n`;
    const res = await organiser.upload('/members/import', 'loi.csv', csv, 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details.imported).toBe(0);
    expect(res.body.details.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Họ và tên', code: 'required' }),
        expect.objectContaining({ row: 4, column: 'Chi bộ', code: 'unit_unknown', value: 'CB99' }),
        expect.objectContaining({ row: 4, column: 'Số điện thoại', code: 'phone_invalid' }),
        expect.objectContaining({
          row: 4,
          column: 'Email',
          code: 'email_invalid',
          message: expect.stringContaining('khong-phai-email'),
        }),
      ]),
    );
    expect(await memberNames(org.units.B2.id)).toEqual(before);
  });

  it('imports XLSX, restores phone numbers Excel stored as numbers, and skips members already on the roster', async () => {
    const file = await xlsx([
      ['Họ và tên', 'Chi bộ', 'Số điện thoại'],
      ['Ngô Thị Xuân', 'CB3', 912345678],
      ['Đỗ Thị Dung', 'CB3', ''],
    ]);
    const preview = await organiser.upload('/members/import?dryRun=true', 'ds.xlsx', file);
    expect(preview.body).toMatchObject({ valid: true, dryRun: true, imported: 0 });
    expect(preview.body.duplicates).toEqual([
      expect.objectContaining({
        row: 3,
        fullName: 'Đỗ Thị Dung',
        matchesMemberId: org.members.dung.id,
        reason: 'same_name_same_unit',
      }),
    ]);
    expect(await memberNames(org.units.B3.id)).toEqual(['Đỗ Thị Dung']);

    const done = await organiser.upload('/members/import', 'ds.xlsx', file);
    expect(done.body.imported).toBe(1);
    const again = await organiser.upload('/members/import', 'ds.xlsx', file);
    expect(again.body.imported).toBe(0);
    const members = (await organiser.get(`/members?unitId=${org.units.B3.id}`)).body;
    expect(members.map((m: { fullName: string; phone: string }) => [m.fullName, m.phone])).toEqual([
      ['Đỗ Thị Dung', null],
      ['Ngô Thị Xuân', '0912345678'],
    ]);
  });

  it('lets a secretary import into their own branch only', async () => {
    const ownBranch = await secretary.upload(
      `/members/import?unitId=${org.units.B1.id}`,
      'b1.csv',
      'Họ tên\nTạ Văn Mới\n',
      'text/csv',
    );
    expect(ownBranch.body.imported).toBe(1);
    const otherBranch = await secretary.upload(
      '/members/import',
      'b2.csv',
      'Họ tên,Chi bộ\nTạ Văn Lạ,CB2\n',
      'text/csv',
    );
    expect(otherBranch.status).toBe(400);
    expect(otherBranch.body.details.errors[0]).toMatchObject({ row: 2, code: 'unit_unknown' });
    expect(
      (
        await secretary.upload(
          `/members/import?unitId=${org.units.B2.id}`,
          'b2.csv',
          'Họ tên\nX\n',
          'text/csv',
        )
      ).status,
    ).toBe(404);
  });

  it('refuses unreadable and oversized files with a message that says what to use', async () => {
    const legacy = await organiser.upload('/members/import', 'cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(legacy.status).toBe(415);
    expect(legacy.body.message).toContain('XLSX');
    const windows1258 = await organiser.upload(
      '/members/import',
      'ansi.csv',
      Buffer.from([0x48, 0xe7, 0x20, 0x74, 0xea, 0x6e, 0x0a]),
    );
    expect(windows1258.status).toBe(415);
    expect(windows1258.body.message).toContain('UTF-8');
    const huge = await organiser.upload('/members/import', 'to.csv', Buffer.alloc(11 * 1024 * 1024, 0x61));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('10 MB') });
    const missing = await organiser.post('/members/import', {});
    expect(missing.status).toBe(400);
  });

  it('adds, edits and moves members by hand within scope, with an audit trail', async () => {
    const created = await secretary.post('/members', {
      unitId: org.units.B1.id,
      fullName: '  Bùi   Thị Thu  ',
      phone: '0903 111 222',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fullName: 'Bùi Thị Thu', phone: '0903111222', status: 'active' });
    const bad = await secretary.post('/members', { unitId: org.units.B1.id, fullName: '', email: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'fullName']);

    expect((await secretary.patch(`/members/${created.body.id}`, { unitId: org.units.B2.id })).status).toBe(
      404,
    );
    expect((await secretary.patch(`/members/${org.members.cuong.id}`, { position: 'x' })).status).toBe(404);
    const moved = await organiser.patch(`/members/${created.body.id}`, {
      unitId: org.units.B2.id,
      status: 'exempt',
    });
    expect(moved.body).toMatchObject({ unitId: org.units.B2.id, status: 'exempt' });
    expect((await organiser.patch(`/members/${created.body.id}`, { unitId: org.units.D1.id })).status).toBe(
      409,
    );

    const audit = (await organiser.get(`/audit?entityType=member&entityId=${created.body.id}`)).body;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['member.moved', 'member.created']);
    expect(audit[0]).toMatchObject({
      actorName: 'Nguyễn Văn Tổ',
      before: { unitId: org.units.B1.id },
      after: { unitId: org.units.B2.id },
    });
  });

  it('finds members by name without diacritics', async () => {
    const found = await organiser.get(`/members?q=${encodeURIComponent('nguyen van an')}`);
    expect(found.body.map((m: { fullName: string }) => m.fullName)).toEqual(['Nguyễn Văn An']);
  });
});
