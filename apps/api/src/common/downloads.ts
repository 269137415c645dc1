import { foldDiacritics } from '@hallbridge/domain';
import type { Response } from 'express';

/** Attachment header that keeps Vietnamese file names (RFC 6266 filename*), with an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = foldDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file download with its (Vietnamese) name kept; a workbook is streamed as it is written. */
export async function sendFile(
  res: Response,
  fileName: string,
  type: string,
  body: Buffer | string | ((stream: Response) => Promise<void>),
): Promise<void> {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', attachment(fileName));
  if (typeof body === 'function') {
    await body(res);
    res.end();
  } else res.send(body);
}
