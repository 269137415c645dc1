import { CsvError, parse } from 'csv-parse/sync';
import { Unzip, UnzipInflate } from 'fflate';
import { SaxesParser } from 'saxes';

/**
 * Reads a roster file (XLSX or CSV UTF-8) into header + numbered rows, defensively: it runs in a
 * worker thread (roster-worker.ts), so nothing here may block the API, and it stops as soon as
 * the file has more data rows than an import may hold, or unpacks to more than a roster can be.
 * Plain TypeScript with no workspace imports, so the worker can load it on its own.
 */

export interface SheetRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

export type RosterRead =
  | { ok: true; headers: string[]; rows: SheetRow[] }
  /** Something the person can fix, located by row (`too_many_rows`, `csv_malformed`, `sheet_too_large`). */
  | { ok: false; issue: { row: number; code: string; value: string | null } }
  /** Not a roster file at all: the formats that are. */
  | { ok: false; unsupported: string };

export interface ReadLimits {
  /** Data rows an import may hold; reading stops at the first one past it. */
  maxRows: number;
  /** Unpacked bytes of the sheet XML and of its shared strings. */
  maxSheetBytes: number;
  maxSharedStringsBytes: number;
}

export const XLSX_OR_CSV = 'XLSX (Excel 2007+) or CSV UTF-8';

class TooManyRows extends Error {}
class TooLarge extends Error {}

export function readRoster(fileName: string, data: Uint8Array, limits: ReadLimits): RosterRead {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const lower = fileName.toLowerCase();
  // The content decides, not the name: a workbook saved as .csv is still read as a workbook.
  if (buffer.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return readXlsx(buffer, limits);
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    return { ok: false, unsupported: `${XLSX_OR_CSV} (save an old .xls workbook as .xlsx)` };
  if (lower.endsWith('.xlsx')) return { ok: false, unsupported: XLSX_OR_CSV };
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buffer, limits);
  return { ok: false, unsupported: XLSX_OR_CSV };
}

// ---- CSV ---------------------------------------------------------------------------------------

function readCsv(buffer: Buffer, limits: ReadLimits): RosterRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Old Excel versions save CSV in a Windows code page; ask for UTF-8 instead of guessing.
    return { ok: false, unsupported: 'CSV UTF-8 (Excel: Save As → CSV UTF-8) or XLSX' };
  }
  // A text file holds no NUL: this is a binary file (an image, a PDF) with a roster's name.
  if (text.includes('\u0000')) return { ok: false, unsupported: XLSX_OR_CSV };
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const records: string[][] = [];
  let dataRows = 0;
  try {
    parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      on_record: (record: string[]) => {
        if (records.length > 0 && record.some((c) => c !== '') && ++dataRows > limits.maxRows)
          throw new TooManyRows();
        records.push(record);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows) return tooManyRows(limits);
    if (error instanceof CsvError)
      return {
        ok: false,
        issue: { row: Number(error.lines) || 1, code: 'csv_malformed', value: error.code },
      };
    throw error;
  }
  const [headers = [], ...data] = records;
  return { ok: true, headers, rows: data.map((cells, i) => ({ row: i + 2, cells })) };
}

const tooManyRows = (limits: ReadLimits): RosterRead => ({
  ok: false,
  issue: { row: limits.maxRows + 2, code: 'too_many_rows', value: String(limits.maxRows) },
});

// ---- XLSX --------------------------------------------------------------------------------------

/**
 * Streams the entries `want` names out of the zip in memory, handing each chunk of unpacked bytes
 * to `onData`. The archive is pushed in small slices, so one push cannot unpack a bomb at once.
 */
function unzipEntries(
  buffer: Buffer,
  want: (name: string) => boolean,
  onData: (name: string, chunk: Uint8Array, final: boolean) => void,
): void {
  let failure: unknown = null;
  const unzip = new Unzip((file) => {
    if (!want(file.name)) return;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) failure = error;
      else
        try {
          onData(file.name, chunk, final);
        } catch (e) {
          failure = e;
        }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const slice = 16 * 1024;
  for (let at = 0; at < buffer.length && !failure; at += slice)
    unzip.push(buffer.subarray(at, at + slice), at + slice >= buffer.length);
  if (failure) throw failure;
}

/** Reads whole small entries (workbook, relations, shared strings), each capped at `max` bytes. */
function readEntries(buffer: Buffer, names: Set<string>, max: number): Map<string, string> {
  const parts = new Map<string, Buffer[]>();
  const sizes = new Map<string, number>();
  unzipEntries(
    buffer,
    (name) => names.has(name),
    (name, chunk) => {
      const size = (sizes.get(name) ?? 0) + chunk.length;
      if (size > max) throw new TooLarge();
      sizes.set(name, size);
      parts.set(name, [...(parts.get(name) ?? []), Buffer.from(chunk)]);
    },
  );
  return new Map([...parts].map(([name, chunks]) => [name, Buffer.concat(chunks).toString('utf8')]));
}

/** Runs a SAX parser over XML text or streamed chunks, calling `open`/`close` per element. */
function saxOf(handlers: {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}) {
  const sax = new SaxesParser();
  // Element names without their prefix: some writers spell <x:row> for <row>.
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  sax.on('opentag', (tag) => handlers.open?.(local(tag.name), tag.attributes as Record<string, string>));
  sax.on('closetag', (tag) => handlers.close?.(local(tag.name)));
  sax.on('text', (text) => handlers.text?.(text));
  sax.on('cdata', (text) => handlers.text?.(text));
  return sax;
}

/** The workbook's sheets in order, as zip entry names. */
function sheetEntries(workbookXml: string, relsXml: string): string[] {
  const targets = new Map<string, string>();
  saxOf({
    open: (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
    },
  })
    .write(relsXml)
    .close();
  const sheets: string[] = [];
  saxOf({
    open: (name, a) => {
      const relation = Object.entries(a).find(([key]) => key.endsWith(':id'))?.[1];
      const target = name === 'sheet' ? targets.get(relation ?? '') : undefined;
      if (target) sheets.push(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  })
    .write(workbookXml)
    .close();
  return sheets;
}

/** Shared strings: the text of each <si>, rich-text runs joined, phonetic guides left out. */
function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  saxOf({
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = true;
    },
    close: (name) => {
      if (name === 'si') strings.push(current ?? '');
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && !phonetic && current !== null) current += text;
    },
  })
    .write(xml)
    .close();
  return strings;
}

/** "C12" → 2 (0-based column). */
function columnOf(ref: string | undefined, fallback: number): number {
  const letters = /^[A-Z]+/.exec(ref ?? '')?.[0];
  if (!letters) return fallback;
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

function cellValue(type: string | undefined, value: string, strings: string[]): string {
  switch (type) {
    case 's':
      return strings[Number(value)] ?? '';
    case 'b':
      return value === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd':
      return value.slice(0, 10);
    case 'str':
    case 'inlineStr':
      return value;
    default: {
      // Excel stores phone numbers typed without quotes as numbers (and large ones as 8.49E10).
      const n = Number(value);
      return value !== '' && Number.isFinite(n) ? String(n) : value;
    }
  }
}

function readXlsx(buffer: Buffer, limits: ReadLimits): RosterRead {
  const small = limits.maxSharedStringsBytes;
  let sheets: string[];
  let strings: string[];
  try {
    const meta = readEntries(buffer, new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']), 1024 * 1024);
    sheets = sheetEntries(meta.get('xl/workbook.xml') ?? '', meta.get('xl/_rels/workbook.xml.rels') ?? '');
    strings = sharedStrings(
      readEntries(buffer, new Set(['xl/sharedStrings.xml']), small).get('xl/sharedStrings.xml'),
    );
  } catch (error) {
    if (error instanceof TooLarge)
      return { ok: false, issue: { row: 1, code: 'sheet_too_large', value: null } };
    return { ok: false, unsupported: XLSX_OR_CSV };
  }
  if (sheets.length === 0) return { ok: false, unsupported: XLSX_OR_CSV };
  // The first sheet that holds anything, as the existing import did.
  for (const sheet of sheets) {
    const read = readSheet(buffer, sheet, strings, limits);
    if (!read.ok || read.headers.length > 0) return read;
  }
  return { ok: true, headers: [], rows: [] };
}

function readSheet(buffer: Buffer, entry: string, strings: string[], limits: ReadLimits): RosterRead {
  const rows: SheetRow[] = [];
  let headers: string[] | null = null;
  let row: SheetRow | null = null;
  let cell: { column: number; type?: string; value: string; inValue: boolean } | null = null;
  let dataRows = 0;
  let bytes = 0;
  const decoder = new TextDecoder();
  const sax = saxOf({
    open: (name, a) => {
      if (name === 'row') row = { row: Number(a.r) || rows.length + (headers ? 2 : 1), cells: [] };
      else if (name === 'c' && row)
        cell = { column: columnOf(a.r, row.cells.length), type: a.t, value: '', inValue: false };
      else if ((name === 'v' || name === 't') && cell) cell.inValue = true;
    },
    text: (text) => {
      if (cell?.inValue) cell.value += text;
    },
    close: (name) => {
      if ((name === 'v' || name === 't') && cell) cell.inValue = false;
      else if (name === 'c' && cell && row) {
        const text = cellValue(cell.type, cell.value, strings).trim();
        while (row.cells.length < cell.column) row.cells.push('');
        row.cells[cell.column] = text;
        cell = null;
      } else if (name === 'row' && row) {
        const filled = row.cells.some((c) => c !== '');
        if (!headers) {
          if (filled) headers = row.cells;
        } else {
          if (filled && ++dataRows > limits.maxRows) throw new TooManyRows();
          rows.push(row);
        }
        row = null;
      }
    },
  });
  try {
    unzipEntries(
      buffer,
      (name) => name === entry,
      (_, chunk, final) => {
        bytes += chunk.length;
        if (bytes > limits.maxSheetBytes) throw new TooLarge();
        sax.write(decoder.decode(chunk, { stream: !final }));
        if (final) sax.close();
      },
    );
  } catch (error) {
    if (error instanceof TooManyRows) return tooManyRows(limits);
    if (error instanceof TooLarge)
      return { ok: false, issue: { row: 1, code: 'sheet_too_large', value: null } };
    return { ok: false, unsupported: XLSX_OR_CSV };
  }
  return { ok: true, headers: headers ?? [], rows };
}
