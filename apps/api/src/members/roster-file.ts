import { DomainError, MAX_ROSTER_ROWS, type RosterRow } from '@hallbridge/domain';
import { join } from 'node:path';
import { runInWorker } from '../common/worker';
import type { ReadLimits, RosterRead } from './roster-reader';

export interface RosterSheet {
  headers: string[];
  rows: RosterRow[];
}

/** A problem with the file as a whole, reported like a row's (the row where reading stopped). */
export interface RosterFileIssue {
  row: number;
  code: string;
  value: string | null;
}

export const ROSTER_MAX_BYTES = 10 * 1024 * 1024;

/** What one roster import may cost: unpacked size, worker heap and time. */
export const ROSTER_READ_LIMITS: ReadLimits & { memoryMb: number; timeoutMs: number } = {
  maxRows: MAX_ROSTER_ROWS,
  maxSheetBytes: 256 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  memoryMb: 384,
  timeoutMs: 30_000,
};

/**
 * Reads the first sheet of an XLSX workbook or a CSV file into header + numbered rows, in a worker
 * thread with a memory cap and a time limit, stopping at the row limit while reading.
 */
export async function readRosterFile(
  fileName: string,
  buffer: Buffer,
): Promise<RosterSheet | RosterFileIssue> {
  const { memoryMb, timeoutMs, ...limits } = ROSTER_READ_LIMITS;
  const outcome = await runInWorker<RosterRead>(
    join(__dirname, 'roster-worker'),
    { fileName, data: new Uint8Array(buffer), limits },
    { memoryMb, timeoutMs },
  );
  if (!outcome.ok) return { row: 1, code: 'sheet_too_large', value: outcome.reason };
  const read = outcome.value;
  if (read.ok) return { headers: read.headers, rows: read.rows };
  if ('issue' in read) return read.issue;
  throw new DomainError('UNSUPPORTED_FILE', { expected: read.unsupported });
}
