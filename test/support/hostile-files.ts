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
 * A zip entry of a few kilobytes that unpacks to `head`, `unpackedMb` megabytes of spaces and
 * `tail`: one deflated megabyte, fully flushed so it can be repeated. `declaredSize` lets the
 * archive lie about the unpacked size (a reader that trusts the header is then fooled).
 */
function bombEntry(name: string, head: string, unpackedMb: number, tail: string, declaredSize?: number) {
  const headBytes = Buffer.from(head);
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  const tailBytes = Buffer.from(tail);
  const flushed = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(megabyte);
  let crc = crc32(headBytes);
  for (let i = 0; i < unpackedMb; i++) crc = crc32(megabyte, crc);
  crc = crc32(tailBytes, crc);
  const deflated = Buffer.concat([
    flushed(headBytes),
    ...Array.from({ length: unpackedMb }, () => block),
    deflateRawSync(tailBytes),
  ]);
  const size = headBytes.length + unpackedMb * megabyte.length + tailBytes.length;
  return { name, deflated, crc, size: declaredSize ?? size };
}

/** A workbook whose one sheet unpacks to `unpackedMb` megabytes of XML whitespace (no rows). */
export function zipBombXlsx(unpackedMb = 1024, declaredSize?: number): Buffer {
  return workbook(
    bombEntry(SHEET, `<worksheet ${MAIN}><sheetData>`, unpackedMb, '</sheetData></worksheet>', declaredSize),
  );
}

const PML = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const presentationParts = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>' +
    '<Override PartName="/ppt/slides/slide1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>' +
    '</Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="ppt/presentation.xml"/></Relationships>`,
  'ppt/presentation.xml':
    `<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="${PML}" xmlns:r="${REL}">` +
    '<p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/></p:presentation>',
  'ppt/_rels/presentation.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/slide" Target="slides/slide1.xml"/></Relationships>`,
};

/**
 * A PowerPoint file of a few kilobytes whose one slide unpacks to `unpackedMb` megabytes; with
 * `declaredSize` its zip headers claim that many bytes instead.
 */
export function zipBombPptx(unpackedMb = 1024, declaredSize?: number): Buffer {
  const entries = Object.entries(presentationParts).map(([name, xml]) => entryOf(name, Buffer.from(xml)));
  const slide = bombEntry(
    'ppt/slides/slide1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="${PML}"><p:cSld><p:spTree>`,
    unpackedMb,
    '</p:spTree></p:cSld></p:sld>',
    declaredSize,
  );
  return zipOf([...entries, slide]);
}

/** A valid PDF of `pages` empty 16:9 pages (a page tree of one level), as a generator would write it. */
export function manyPagesPdf(pages: number): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] >>'),
  ];
  return pdfOf(objects);
}

function pdfOf(objects: string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** PDFs that start right and go wrong. */
export const malformedPdfs = {
  /** The header, then noise: no objects, no cross-reference table, no trailer. */
  noise: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0xa7)]),
  /** A page tree whose only kid is itself, claiming a billion pages. */
  loop: pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Count 1000000000 /Kids [2 0 R] >>']),
  /** A root that is not a catalogue and a cross-reference table pointing nowhere. */
  brokenXref: Buffer.from(
    '%PDF-1.4\n1 0 obj\n(not a catalogue)\nendobj\nxref\n0 2\n0000000000 65535 f \n0000099999 00000 n \n' +
      'trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n',
    'latin1',
  ),
};

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
