import { strToU8, zipSync } from 'fflate';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Files a hostile (or careless) user uploads, made here so nobody has to keep them: a workbook
 * with millions of rows, a zip bomb, files whose content does not match their name.
 */

const workbookParts = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '</Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

interface ZipEntry {
  name: string;
  /** Deflated bytes, their CRC-32 and unpacked size. */
  deflated: Buffer;
  crc: number;
  size: number;
}

const entryOf = (name: string, data: Buffer): ZipEntry => ({
  name,
  deflated: deflateRawSync(data),
  crc: crc32(data),
  size: data.length,
});

/** A zip archive (PKZIP 2.0, deflate, 32-bit sizes) of the given entries. */
function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A workbook whose one sheet is `sheet` (already deflated, or XML to deflate). */
function workbook(sheet: ZipEntry | string, extra: Record<string, string> = {}): Buffer {
  const parts = { ...workbookParts, ...extra };
  const entries = Object.entries(parts).map(([name, xml]) => entryOf(name, Buffer.from(xml, 'utf8')));
  const sheetEntry = typeof sheet === 'string' ? entryOf(SHEET, Buffer.from(sheet, 'utf8')) : sheet;
  return zipOf([...entries, sheetEntry]);
}

const SHEET = 'xl/worksheets/sheet1.xml';
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/**
 * A roster workbook with `rows` members, as a big export would be: shared strings, one row per
 * member, cells without their optional references. Two million rows make about 5 MB.
 */
export function manyRowsXlsx(rows: number, branchCode = 'CB1'): Buffer {
  const chunks = [
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><sheetData>`,
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
  ];
  for (let r = 2; r <= rows + 1; r++)
    chunks.push(`<row r="${r}"><c t="s"><v>3</v></c><c t="s"><v>4</v></c></row>`);
  chunks.push('</sheetData></worksheet>');
  const strings = ['Họ và tên', 'Chi bộ', 'Số điện thoại', 'Nguyễn Văn Nhiều', branchCode];
  const sharedStrings =
    `<?xml version="1.0" encoding="UTF-8"?><sst ${MAIN} count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t>${s}</t></si>`).join('') +
    '</sst>';
  return workbook(entryOf(SHEET, Buffer.from(chunks.join(''))), { 'xl/sharedStrings.xml': sharedStrings });
}

/**
 * A few kilobytes that unpack to `unpackedMb` megabytes of sheet XML (whitespace, no rows): one
 * deflated megabyte, fully flushed so it can be repeated, `unpackedMb` times.
 */
export function zipBombXlsx(unpackedMb = 1024): Buffer {
  const head = Buffer.from(`<worksheet ${MAIN}><sheetData>`);
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  const tail = Buffer.from('</sheetData></worksheet>');
  const flushed = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(megabyte);
  let crc = crc32(head);
  for (let i = 0; i < unpackedMb; i++) crc = crc32(megabyte, crc);
  crc = crc32(tail, crc);
  const deflated = Buffer.concat([
    flushed(head),
    ...Array.from({ length: unpackedMb }, () => block),
    deflateRawSync(tail),
  ]);
  const size = head.length + unpackedMb * megabyte.length + tail.length;
  return workbook({ name: SHEET, deflated, crc, size });
}

/** Files that are not what their name says. */
export const mismatchedFiles = {
  /** A PNG image named as a roster. */
  pngAsCsv: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  /** A PDF named as a workbook. */
  pdfAsXlsx: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  /** A zip that is not a workbook (a folder of text files). */
  zipAsXlsx: Buffer.from(zipSync({ 'readme.txt': strToU8('không phải bảng tính') })),
  /** An executable named as a reading material. */
  elfAsPdf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]),
};
