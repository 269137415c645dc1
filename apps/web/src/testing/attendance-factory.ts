import type { MemberAttendanceRow } from '@hallbridge/contracts';

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** A member's attendance row as the server sends it: someone not arrived yet, unless changed. */
export function attendanceRow(change: Partial<MemberAttendanceRow> = {}): MemberAttendanceRow {
  return {
    memberId: id(),
    fullName: 'Nguyễn Văn An',
    unitId: '00000000-0000-4000-8000-00000000b001',
    unitName: 'Chi bộ Thôn 1',
    memberStatus: 'active',
    status: 'absent',
    required: true,
    attendedMs: 0,
    expectedMs: 2 * 3600_000,
    share: 0,
    firstJoinAt: null,
    lastLeaveAt: null,
    where: null,
    siteId: null,
    siteName: null,
    onlineMs: 0,
    siteMs: 0,
    late: false,
    lateMinutes: 0,
    leftEarly: false,
    leftEarlyMinutes: 0,
    excuse: null,
    connected: false,
    checkIn: null,
    ...change,
  };
}
