/**
 * A large closed session's attendance as the API hands it to the exporters (the export tests and
 * the attendance-export benchmark): members in numbered branches, every status, two raw intervals
 * each for those who came.
 */
import {
  AttendanceStatusCode,
  type BranchAttendance,
  type MemberAttendanceRow,
  type SessionAttendance,
} from '@hallbridge/contracts';
import { totalsOver } from '../attendance-report';
import type { RawIntervalRow } from '../export/attendance-xlsx';

const STATUSES = AttendanceStatusCode.options;
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Đức', 'Giang', 'Hà', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];

const totals = (members: MemberAttendanceRow[]) => totalsOver(members, 95);

/** A closed session's report as the API hands it to the exporters, with realistic variety. */
export function sessionReportFixture(
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
