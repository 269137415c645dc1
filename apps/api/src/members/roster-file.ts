import { DomainError, type RosterRow } from '@hallbridge/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface RosterSheet {
  headers: string[];
  rows: RosterRow[];
}

export const ROSTER_MAX_BYTES = 10 * 1024 * 1024;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<RosterSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('UNSUPPORTED_FILE', { expected: 'XLSX (Excel 2007+) or CSV UTF-8' });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.columnCount;
  const rows: RosterRow[] = [];
  let headers: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    if (!headers) headers = cells;
    else rows.push({ row: rowNumber, cells });
  });
  return { headers: headers ?? [], rows };
}

function readCsv(buffer: Buffer): RosterSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Old Excel versions save CSV in a Windows code page; ask for UTF-8 instead of guessing.
    throw new DomainError('UNSUPPORTED_FILE', { expected: 'CSV UTF-8 (Excel: Save As → CSV UTF-8) or XLSX' });
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const records: string[][] = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    trim: true,
  });
  const [headers = [], ...data] = records;
  return { headers, rows: data.map((cells, i) => ({ row: i + 2, cells })) };
}

/** Reads the first sheet of an XLSX workbook or a CSV file into header + numbered rows. */
export async function readRosterFile(fileName: string, buffer: Buffer): Promise<RosterSheet> {
  const lower = fileName.toLowerCase();
  const isZip = buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (lower.endsWith('.xlsx') || isZip) return readXlsx(buffer);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buffer);
  throw new DomainError('UNSUPPORTED_FILE', { expected: 'XLSX (Excel 2007+) or CSV UTF-8' });
}
