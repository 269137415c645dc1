import { strFromU8, unzipSync } from 'fflate';
import { Writable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { sessionReportFixture } from '../testing/session-report.factory';
import { writeSessionCsv } from './attendance-csv';
import { writeSessionWorkbook } from './attendance-xlsx';
import { reportFormat, type ReportFormat } from './report-format';

/** A reader that keeps what it gets and acknowledges nothing until `release()`. */
function stalledReader() {
  const chunks: Buffer[] = [];
  let held: (() => void)[] = [];
  let stalled = true;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      if (stalled) held.push(done);
      else done();
    },
  });
  return {
    stream,
    bytes: () => Buffer.concat(chunks),
    release: () => {
      stalled = false;
      for (const done of held) done();
      held = [];
    },
  };
}

/** The format with a count of member and interval rows made (each formats two wall-clock times). */
function counting(f: ReportFormat) {
  let clocks = 0;
  return {
    f: { ...f, wallClock: (iso: string | null) => (clocks++, f.wallClock(iso)) },
    rowsMade: () => clocks / 2,
  };
}

describe('attendance exports', () => {
  const vi = reportFormat('vi', 'Asia/Ho_Chi_Minh');

  it('streams the workbook: a reader that stops reading holds the writer back, then gets every row', async () => {
    const { report, intervals } = sessionReportFixture(12_000, 6);
    const reader = stalledReader();
    const { f, rowsMade } = counting(vi);
    let finished = false;
    const writing = writeSessionWorkbook(reader.stream, f, report, intervals).then(() => (finished = true));

    for (let i = 0; i < 200; i++) await turn();
    const whileStalled = rowsMade();
    for (let i = 0; i < 200; i++) await turn();
    expect(finished).toBe(false);
    expect(rowsMade()).toBe(whileStalled);
    // What it holds while nobody reads is what fills the zip's buffers, a slice of the ~34,000 rows.
    expect(whileStalled).toBeLessThan((report.members.length + intervals.length) / 4);

    reader.release();
    await writing;
    await new Promise<void>((resolve) => reader.stream.end(resolve));
    // Rows per sheet, header included: summary, six branches, raw intervals.
    const sheets = unzipSync(new Uint8Array(reader.bytes()), {
      filter: (f) => f.name.includes('worksheets/'),
    });
    const rows = (n: number) => strFromU8(sheets[`xl/worksheets/sheet${n}.xml`]!).split('<row ').length - 1;
    expect([2, 3, 4, 5, 6, 7].map(rows)).toEqual(Array(6).fill(2001));
    expect(rows(8)).toBe(intervals.length + 1);
  }, 30_000);

  it('streams the CSV with a byte-order mark and CRLF line ends, one row per member', async () => {
    const { report } = sessionReportFixture(3, 1);
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeSessionCsv(out, vi, report.members);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('\uFEFFSTT,Họ và tên,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, three members, and the last line's end
    expect(lines[1]).toMatch(/^1,Nguyễn Văn An 0,Chi bộ số 1,/);
    expect(lines[4]).toBe('');
  });
});
