import { stringify as csvStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type CsvCell = string | number | null;

const OPTIONS = { record_delimiter: '\r\n' } as const;
const cellsOf = (row: readonly CsvCell[]) => row.map((c) => c ?? '');

/** CSV as Excel opens it with Vietnamese intact: UTF-8 with a byte-order mark, CRLF line ends. */
export function toExcelCsv(header: string[], rows: CsvCell[][]): Buffer {
  const body = stringify([header, ...rows.map(cellsOf)], OPTIONS);
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
    yield header;
    for (const row of rows) yield cellsOf(row);
  }
  await pipeline(Readable.from(records()), csvStream({ ...OPTIONS, bom: true }), out, { end: false });
}
