import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { readRoster, type ReadLimits } from './roster-reader';

const limits: ReadLimits = { maxRows: 5, maxSheetBytes: 1024 * 1024, maxSharedStringsBytes: 1024 * 1024 };

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Trống');
  const sheet = wb.addWorksheet('Danh sách');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal workbook whose only sheet is the given XML (inline strings, no shared strings). */
function rawWorkbook(sheetXml: string): Buffer {
  return Buffer.from(
    zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    }),
  );
}

describe('reading a roster file', () => {
  it('reads the first sheet with data: shared and rich strings, numbers back as text', async () => {
    const file = await workbook([
      ['Họ và tên', 'Số điện thoại'],
      ['Nguyễn Văn An', 912345678],
      [{ richText: [{ text: 'Trần ' }, { text: 'Thị Bình' }] } as unknown as string, '0987654321'],
    ]);
    expect(readRoster('ds.xlsx', file, limits)).toEqual({
      ok: true,
      headers: ['Họ và tên', 'Số điện thoại'],
      rows: [
        { row: 2, cells: ['Nguyễn Văn An', '912345678'] },
        { row: 3, cells: ['Trần Thị Bình', '0987654321'] },
      ],
    });
  });

  it('stops at the row limit while reading, in a workbook and in a CSV', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`Người ${i}`]);
    const tooMany = { ok: false, issue: { row: 7, code: 'too_many_rows', value: '5' } };
    expect(readRoster('ds.xlsx', await workbook([['Họ và tên'], ...rows]), limits)).toEqual(tooMany);
    const csv = Buffer.from(['Họ và tên', ...rows.map((r) => r[0])].join('\n'));
    expect(readRoster('ds.csv', csv, limits)).toEqual(tooMany);
  });

  it('reports a stray quote in a CSV by its line, not as a crash', () => {
    const csv = Buffer.from('Họ và tên,Chi bộ\nAn,CB1\n"Bình,CB1\n');
    expect(readRoster('ds.csv', csv, limits)).toMatchObject({
      ok: false,
      issue: { code: 'csv_malformed', value: 'CSV_QUOTE_NOT_CLOSED' },
    });
    // A quote inside an unquoted field is only text.
    expect(readRoster('ds.csv', Buffer.from('Họ và tên\nAn "Út" Ba\n'), limits)).toMatchObject({
      ok: true,
      rows: [{ row: 2, cells: ['An "Út" Ba'] }],
    });
  });

  it('refuses a zip bomb once it unpacks past the limit', () => {
    const bomb = rawWorkbook(`<worksheet><sheetData>${' '.repeat(8 * 1024 * 1024)}</sheetData></worksheet>`);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(readRoster('ds.xlsx', bomb, limits)).toEqual({
      ok: false,
      issue: { row: 1, code: 'sheet_too_large', value: null },
    });
  });

  it('reads inline strings and prefixed element names', () => {
    const xml =
      '<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>Họ và tên</x:t></x:is></x:c></x:row>' +
      '<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>Lê Văn Cường</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    expect(readRoster('ds.xlsx', rawWorkbook(xml), limits)).toEqual({
      ok: true,
      headers: ['', 'Họ và tên'],
      rows: [{ row: 3, cells: ['', 'Lê Văn Cường'] }],
    });
  });

  it('goes by the content, not the name', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(readRoster('ds.csv', png, limits)).toMatchObject({ ok: false, unsupported: expect.any(String) });
    expect(readRoster('ds.xlsx', Buffer.from('Họ và tên\nAn\n'), limits)).toMatchObject({ ok: false });
    const xlsxNamedCsv = await workbook([['Họ và tên'], ['An']]);
    expect(readRoster('ds.csv', xlsxNamedCsv, limits)).toMatchObject({ ok: true, rows: [{ cells: ['An'] }] });
    expect(readRoster('ds.xlsx', Buffer.from('PK\x03\x04garbage'), limits)).toMatchObject({ ok: false });
  });
});
