import {
  AttendanceStatusCode,
  type BranchAttendance,
  type MemberAttendanceRow,
  type SessionAttendance,
} from '@hallbridge/contracts';
import { Writable } from 'node:stream';
import { totalsOver } from '../apps/api/src/attendance/attendance-report';
import { sessionCsv } from '../apps/api/src/attendance/export/attendance-csv';
import { writeSessionWorkbook, type RawIntervalRow } from '../apps/api/src/attendance/export/attendance-xlsx';
import { reportFormat } from '../apps/api/src/attendance/export/report-format';
import { options } from './lib/options';
import { median, memorySampler, report, round } from './lib/stats';

/**
 * `npm run bench -- attendance-export [--rows 20000] [--branches 100] [--runs 3]`: one session's
 * attendance of `rows` members (in `branches` branches, two raw intervals each) written by the
 * product's exporters to CSV and to XLSX (summary, a sheet per branch, raw intervals), the way the
 * API streams them; time of each (median of `runs`) and the process's peak resident memory.
 */
const opts = options({ rows: 20_000, branches: 100, runs: 3 });

const STATUSES = AttendanceStatusCode.options;
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Đức', 'Giang', 'Hà', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];

const totals = (members: MemberAttendanceRow[]) => totalsOver(members, 95);

/** A closed session's report as the API hands it to the exporters, with realistic variety. */
function sessionReport(
  rows: number,
  branches: number,
): { report: SessionAttendance; intervals: RawIntervalRow[] } {
  const start = Date.parse('2026-11-20T01:30:00Z');
  const hour = 3600_000;
  const members: MemberAttendanceRow[] = [];
  const intervals: RawIntervalRow[] = [];
  for (let i = 0; i < rows; i++) {
    const b = i % branches;
    const status = STATUSES[i % 17 < 12 ? 0 : (i % 17) - 11]!;
    const attended =
      status === 'absent' || status === 'excused' ? (i % 5) * 60_000 : 2 * hour - (i % 900) * 1000;
    const fullName = `${FAMILY[i % FAMILY.length]} Văn ${GIVEN[(i >> 3) % GIVEN.length]} ${i}`;
    const unitName = `Chi bộ số ${b + 1}`;
    const joined = attended > 0 ? new Date(start + (i % 600) * 1000).toISOString() : null;
    members.push({
      memberId: `m-${i}`,
      fullName,
      unitId: `u-${b}`,
      unitName,
      memberStatus: 'active',
      status,
      required: true,
      attendedMs: attended,
      expectedMs: 2 * hour,
      share: attended / (2 * hour),
      firstJoinAt: joined,
      lastLeaveAt: joined && new Date(start + attended).toISOString(),
      where: status === 'present_site' ? 'site' : attended > 0 ? 'online' : null,
      siteId: status === 'present_site' ? `s-${b}` : null,
      siteName: status === 'present_site' ? `Hội trường ${b + 1}` : null,
      onlineMs: status === 'present_site' ? 0 : attended,
      siteMs: status === 'present_site' ? attended : 0,
      late: status === 'late',
      lateMinutes: status === 'late' ? 12 : 0,
      leftEarly: status === 'left_early',
      leftEarlyMinutes: status === 'left_early' ? 20 : 0,
      excuse:
        status === 'excused'
          ? { reason: 'illness', note: null, markedBy: 'Bí thư', markedAt: new Date(start).toISOString() }
          : null,
      connected: false,
      checkIn: null,
    });
    if (joined)
      for (let k = 0; k < 2; k++)
        intervals.push({
          name: fullName,
          unitName,
          source: 'socket',
          siteName: '',
          startedAt: new Date(start + k * hour).toISOString(),
          endedAt: new Date(start + (k + 1) * hour - 5000).toISOString(),
          endReason: k === 0 ? 'heartbeat' : 'goodbye',
          connectionId: `conn-${i}-${k}`,
        });
  }
  const branchRows: BranchAttendance[] = Array.from({ length: branches }, (_, b) => ({
    ...totals(members.filter((m) => m.unitId === `u-${b}`)),
    unitId: `u-${b}`,
    unitName: `Chi bộ số ${b + 1}`,
  }));
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    intervals,
    report: {
      sessionId: 'bench',
      title: 'Hội nghị học tập, quán triệt Nghị quyết',
      state: 'attendance_closed',
      organisationName: 'Đảng bộ Tỉnh',
      hostUnitName: 'Tỉnh ủy',
      scopeUnitName: 'Tỉnh ủy',
      wholeSession: true,
      window: {
        start: iso(start),
        end: iso(start + 2 * hour),
        scheduledStart: iso(start),
        scheduledEnd: iso(start + 2 * hour),
        provisional: false,
      },
      rules: { presentShare: 0.75, lateGraceMinutes: 10, leftEarlyToleranceMinutes: 5 },
      computedAt: iso(start + 3 * hour),
      locked: true,
      lockedAt: iso(start + 3 * hour),
      total: totals(members),
      branches: branchRows,
      members,
      sites: [],
      guests: [],
      guestTotal: 0,
    },
  };
}

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
  const { report: data, intervals } = sessionReport(opts.rows, opts.branches);
  console.log(
    `attendance-export: ${opts.rows} member rows in ${opts.branches} branches, ${intervals.length} raw intervals, ${opts.runs} runs`,
  );
  const memory = memorySampler();
  const csvRuns: number[] = [];
  const xlsxRuns: number[] = [];
  let csvBytes = 0;
  let xlsxBytes = 0;
  for (let run = 0; run < opts.runs; run++) {
    const t0 = performance.now();
    csvBytes = sessionCsv(f, data.members).length;
    csvRuns.push(performance.now() - t0);

    const out = sink();
    const t1 = performance.now();
    await writeSessionWorkbook(out.stream, f, data, intervals);
    await new Promise<void>((resolve) => out.stream.end(resolve));
    xlsxRuns.push(performance.now() - t1);
    xlsxBytes = out.bytes();
    console.log(`run ${run + 1}: CSV ${round(csvRuns[run]!, 0)} ms, XLSX ${round(xlsxRuns[run]!, 0)} ms`);
  }
  const peak = memory.stop() / 1024 / 1024;
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
