import {
  ATTENDANCE_STATUSES,
  compareAttendanceStatus,
  finalStatus,
  isAttending,
  isPending,
  type AttendanceStatus,
} from './attendance-status';

describe('attendance statuses', () => {
  it('counts the four attended statuses as attending, and not excused or absent', () => {
    expect(ATTENDANCE_STATUSES.filter(isAttending)).toEqual([
      'present_online',
      'present_site',
      'late',
      'left_early',
    ]);
  });

  it('tells the statuses of a live reading only, which a final reading refuses', () => {
    expect(ATTENDANCE_STATUSES.filter(isPending)).toEqual(['not_arrived', 'away']);
    expect(finalStatus('late')).toBe('late');
    expect(() => finalStatus('not_arrived')).toThrow(/final/);
  });

  it('sorts attended first, then excused, then absent, keeping the order of equals', () => {
    const rows: { name: string; status: AttendanceStatus }[] = [
      { name: 'An', status: 'absent' },
      { name: 'Bình', status: 'late' },
      { name: 'Chi', status: 'excused' },
      { name: 'Dũng', status: 'present_site' },
      { name: 'Hà', status: 'absent' },
      { name: 'Lan', status: 'present_online' },
      { name: 'Minh', status: 'left_early' },
    ];
    expect([...rows].sort((a, b) => compareAttendanceStatus(a.status, b.status)).map((r) => r.name)).toEqual([
      'Lan',
      'Dũng',
      'Bình',
      'Minh',
      'Chi',
      'An',
      'Hà',
    ]);
  });
});
