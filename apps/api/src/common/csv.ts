import { stringify as csvStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type CsvCell = string | number | null;

const OPTIONS = { record_delimiter: '\r\n' } as const;
const cellsOf = (row: readonly CsvCell[]) => row.map(csvCell);

/** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number written as text (a phone number +84…, a negative count): no formula can hide in it. */
const PLAIN_NUMBER = /^[+-]?\d[\d .,]*$/;

/**
 * A cell as it may go into a CSV: text that a spreadsheet would run as a formula (a member named
 * `=HYPERLINK(…)`, a poll answer `@SUM(…)`) gets a leading apostrophe, so it shows as text.
 */
export function csvCell(value: CsvCell): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * CSV as Excel opens it with Vietnamese intact: UTF-8 with a byte-order mark, CRLF line ends.
 * Every CSV the product writes goes through here (or writeExcelCsv), every cell through `csvCell`.
 */
export function toExcelCsv(header: string[], rows: CsvCell[][]): Buffer {
  const body = stringify([header, ...rows].map(cellsOf), OPTIONS);
  return Buffer.from(`\uFEFF${body}`, 'utf8');
}

/**
 * The same file written to `out` row by row as the reader takes it (a large export never sits in
 * memory whole); `out` is left open.
 */
export async function writeExcelCsv(
  out: Writable,
  header: string[],
  rows: Iterable<readonly CsvCell[]>,
): Promise<void> {
  function* records() {
    yield cellsOf(header);
    for (const row of rows) yield cellsOf(row);
  }
  await pipeline(Readable.from(records()), csvStream({ ...OPTIONS, bom: true }), out, { end: false });
}
