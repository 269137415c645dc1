import { stringify } from 'csv-stringify/sync';

/** CSV as Excel opens it with Vietnamese intact: UTF-8 with a byte-order mark, CRLF line ends. */
export function toExcelCsv(header: string[], rows: (string | number | null)[][]): Buffer {
  const body = stringify([header, ...rows.map((r) => r.map((c) => c ?? ''))], { record_delimiter: '\r\n' });
  return Buffer.from(`\uFEFF${body}`, 'utf8');
}
