import { validateRoster, type RosterContext, type RosterRow } from './roster-validation';

const units = [
  { id: 'u-p', code: 'TU', name: 'Tỉnh ủy', kind: 'committee' as const },
  { id: 'u-b1', code: 'CB01', name: 'Chi bộ Phường 1', kind: 'branch' as const },
  { id: 'u-b2', code: 'CB02', name: 'Chi bộ Xã Đông', kind: 'branch' as const },
];
const ctx: RosterContext = { units, existing: [] };
const headers = ['STT', 'Họ và tên', 'Chi bộ', 'Chức vụ', 'Số điện thoại', 'Email', 'Trạng thái'];
const rows = (...cells: string[][]): RosterRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));

describe('roster validation', () => {
  it('accepts a clean roster with Vietnamese headers, names and unit names or codes', () => {
    const result = validateRoster(
      headers,
      rows(
        ['1', 'Nguyễn Văn An', 'CB01', 'Bí thư', '0912 345 678', 'An@Example.vn', 'Đang sinh hoạt'],
        ['2', 'Trần Thị Bích Ngọc', 'Chi bộ Xã Đông', '', '', '', 'Miễn sinh hoạt'],
      ),
      ctx,
    );
    expect(result.issues).toEqual([]);
    expect(result.members).toEqual([
      {
        row: 2,
        unitId: 'u-b1',
        fullName: 'Nguyễn Văn An',
        position: 'Bí thư',
        phone: '0912345678',
        email: 'an@example.vn',
        status: 'active',
      },
      {
        row: 3,
        unitId: 'u-b2',
        fullName: 'Trần Thị Bích Ngọc',
        position: null,
        phone: null,
        email: null,
        status: 'exempt',
      },
    ]);
  });

  it('reports every bad cell with its row and column', () => {
    const result = validateRoster(
      headers,
      rows(
        ['1', '', 'CB01', '', '', '', ''],
        ['2', 'Lê Văn Cường', 'CB99', '', '12345', 'not-an-email', 'đi vắng'],
        ['3', 'Phạm Thị Dung', 'TU', '', '', '', ''],
      ),
      ctx,
    );
    expect(result.members).toEqual([]);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'Họ và tên', code: 'required', value: null },
        { row: 3, column: 'Chi bộ', code: 'unit_unknown', value: 'CB99' },
        { row: 3, column: 'Số điện thoại', code: 'phone_invalid', value: '12345' },
        { row: 3, column: 'Email', code: 'email_invalid', value: 'not-an-email' },
        { row: 3, column: 'Trạng thái', code: 'status_unknown', value: 'đi vắng' },
        { row: 4, column: 'Chi bộ', code: 'unit_not_branch', value: 'TU' },
      ]),
    );
    expect(result.issues).toHaveLength(6);
  });

  it('needs a name column, and a unit column unless a default branch is given', () => {
    const noColumns = validateRoster(['Tên gọi khác'], rows(['x']), ctx);
    expect(noColumns.issues.map((i) => i.code)).toEqual(['column_missing_name', 'column_missing_unit']);
    const withDefault = validateRoster(['Họ tên'], rows(['Đỗ Thị Hoa']), { ...ctx, defaultUnitId: 'u-b2' });
    expect(withDefault.issues).toEqual([]);
    expect(withDefault.members[0]).toMatchObject({ unitId: 'u-b2', fullName: 'Đỗ Thị Hoa' });
  });

  it('skips blank lines and reports an empty file', () => {
    expect(validateRoster(headers, rows(['', '', '']), ctx).issues[0]?.code).toBe('file_empty');
  });

  it('flags likely duplicates in the file and against the roster, without blocking', () => {
    const result = validateRoster(
      headers,
      rows(
        ['1', 'Nguyễn Văn An', 'CB01', '', '0912345678', '', ''],
        ['2', 'Nguyen Van An', 'CB02', '', '+84912345678', '', ''],
        ['3', 'Hoàng Thị Lan', 'CB01', '', '', 'lan@example.vn', ''],
        ['4', 'Vũ Minh Khôi', 'CB02', '', '', '', ''],
      ),
      {
        ...ctx,
        existing: [
          {
            id: 'm-1',
            fullName: 'Hoàng Thị Lan',
            unitId: 'u-b2',
            phone: null,
            email: 'LAN@example.vn'.toLowerCase(),
          },
          { id: 'm-2', fullName: 'Vũ Minh Khôi', unitId: 'u-b2', phone: null, email: null },
        ],
      },
    );
    expect(result.issues).toEqual([]);
    expect(result.members).toHaveLength(4);
    expect(result.duplicates).toEqual([
      { row: 3, fullName: 'Nguyen Van An', matchesRow: 2, matchesMemberId: null, reason: 'same_phone' },
      { row: 4, fullName: 'Hoàng Thị Lan', matchesRow: null, matchesMemberId: 'm-1', reason: 'same_email' },
      {
        row: 5,
        fullName: 'Vũ Minh Khôi',
        matchesRow: null,
        matchesMemberId: 'm-2',
        reason: 'same_name_same_unit',
      },
    ]);
  });
});
