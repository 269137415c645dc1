import { Writable } from 'node:stream';
import { writeSessionCsv } from '../apps/api/src/attendance/export/attendance-csv';
import { writeSessionWorkbook } from '../apps/api/src/attendance/export/attendance-xlsx';
import { reportFormat } from '../apps/api/src/attendance/export/report-format';
import { sessionReportFixture } from '../apps/api/src/attendance/testing/session-report.factory';
import { options } from './lib/options';
import { median, report, round } from './lib/stats';

/**
 * `npm run bench -- attendance-export [--rows 20000] [--branches 100] [--runs 3]`: one session's
 * attendance of `rows` members (in `branches` branches, two raw intervals each) written by the
 * product's exporters to CSV and to XLSX (summary, a sheet per branch, raw intervals), the way the
 * API streams them; time of each (median of `runs`) and the process's peak resident memory (the
 * kernel's high-water mark, which a sampling timer would miss while the exporter keeps the loop busy).
 */
const opts = options({ rows: 20_000, branches: 100, runs: 3 });

/** Counts what the HTTP response would carry, and keeps nothing. */
function sink(): { stream: Writable; bytes: () => number } {
  let bytes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { stream, bytes: () => bytes };
}

async function main(): Promise<void> {
  const f = reportFormat('vi', 'Asia/Ho_Chi_Minh');
  const { report: data, intervals } = sessionReportFixture(opts.rows, opts.branches);
  console.log(
    `attendance-export: ${opts.rows} member rows in ${opts.branches} branches, ${intervals.length} raw intervals, ${opts.runs} runs`,
  );
  const csvRuns: number[] = [];
  const xlsxRuns: number[] = [];
  let csvBytes = 0;
  let xlsxBytes = 0;
  for (let run = 0; run < opts.runs; run++) {
    const csv = sink();
    const t0 = performance.now();
    await writeSessionCsv(csv.stream, f, data.members);
    await new Promise<void>((resolve) => csv.stream.end(resolve));
    csvRuns.push(performance.now() - t0);
    csvBytes = csv.bytes();

    const out = sink();
    const t1 = performance.now();
    await writeSessionWorkbook(out.stream, f, data, intervals);
    await new Promise<void>((resolve) => out.stream.end(resolve));
    xlsxRuns.push(performance.now() - t1);
    xlsxBytes = out.bytes();
    console.log(`run ${run + 1}: CSV ${round(csvRuns[run]!, 0)} ms, XLSX ${round(xlsxRuns[run]!, 0)} ms`);
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`CSV ${round(csvBytes / 1024 / 1024, 2)} MB, XLSX ${round(xlsxBytes / 1024 / 1024, 2)} MB`);
  console.log(
    `median: CSV ${round(median(csvRuns), 0)} ms (goal < 1000), XLSX ${round(median(xlsxRuns), 0)} ms (goal < 5000)`,
  );
  console.log(`peak resident memory of the process: ${round(peak, 0)} MB (goal < 300)`);
  report({
    bench: 'attendance-export',
    rows: opts.rows,
    csv_ms: round(median(csvRuns), 0),
    xlsx_ms: round(median(xlsxRuns), 0),
    peak_mb: round(peak, 0),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
