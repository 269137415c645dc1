import type { AttendanceStatus } from './attendance-status';
import { summarizeAttendance, summarizeAttendanceByUnit, type AttendanceOutcome } from './attendance-summary';

const required = (status: AttendanceStatus, count = 1): AttendanceOutcome[] =>
  Array.from({ length: count }, () => ({ status, required: true }));
const exempt = (status: AttendanceStatus, count = 1): AttendanceOutcome[] =>
  Array.from({ length: count }, () => ({ status, required: false }));

describe('attendance summary', () => {
  it('counts required members by outcome and rates attending over required', () => {
    const summary = summarizeAttendance(
      [
        ...required('present_online', 10),
        ...required('present_site', 5),
        ...required('late', 2),
        ...required('left_early', 1),
        ...required('excused', 1),
        ...required('absent', 1),
      ],
      95,
    );
    expect(summary).toEqual({
      required: 20,
      attending: 18,
      excused: 1,
      absent: 1,
      pending: 0,
      byStatus: {
        present_online: 10,
        present_site: 5,
        late: 2,
        left_early: 1,
        not_arrived: 0,
        away: 0,
        excused: 1,
        absent: 1,
      },
      voluntary: 0,
      rate: 0.9,
      rateExcludingExcused: 18 / 19,
      targetPercent: 95,
      meetsTarget: false,
      shortOfTarget: 1,
    });
  });

  it('counts members still to come apart while the session runs: neither attending nor absent', () => {
    const summary = summarizeAttendance(
      [
        ...required('present_online', 6),
        ...required('not_arrived', 2),
        ...required('away', 1),
        ...required('absent', 1),
      ],
      95,
    );
    expect(summary).toMatchObject({ required: 10, attending: 6, pending: 3, absent: 1, rate: 0.6 });
    expect(summary.byStatus).toMatchObject({ not_arrived: 2, away: 1 });
  });

  it('meets a target reached exactly', () => {
    expect(summarizeAttendance([...required('present_online', 19), ...required('absent')], 95)).toMatchObject(
      {
        rate: 0.95,
        meetsTarget: true,
        shortOfTarget: 0,
      },
    );
  });

  it('rounds the members needed up for fractional targets', () => {
    // 95.5% of 20 is 19.1 members, so 20 are needed.
    expect(
      summarizeAttendance([...required('present_online', 19), ...required('absent')], 95.5),
    ).toMatchObject({
      meetsTarget: false,
      shortOfTarget: 1,
    });
    // 57% of 100 is exactly 57 although 0.57 * 100 is not in floating point.
    expect(summarizeAttendance([...required('late', 57), ...required('absent', 43)], 57)).toMatchObject({
      meetsTarget: true,
      shortOfTarget: 0,
    });
  });

  it('counts exempt members who attended apart, leaving the rate alone', () => {
    const summary = summarizeAttendance(
      [
        ...required('present_online', 3),
        ...required('absent'),
        ...exempt('present_site', 2),
        ...exempt('absent', 4),
      ],
      null,
    );
    expect(summary).toMatchObject({ required: 4, attending: 3, absent: 1, voluntary: 2, rate: 0.75 });
    expect(summary).toMatchObject({ targetPercent: null, meetsTarget: null, shortOfTarget: 0 });
  });

  it('keeps excused members in the headline rate and out of the secondary one', () => {
    expect(
      summarizeAttendance([...required('present_online', 8), ...required('excused', 2)], 95),
    ).toMatchObject({
      rate: 0.8,
      rateExcludingExcused: 1,
      meetsTarget: false,
      shortOfTarget: 2,
    });
  });

  it('handles nobody required without dividing by zero', () => {
    expect(summarizeAttendance(exempt('present_online', 2), 95)).toMatchObject({
      required: 0,
      attending: 0,
      voluntary: 2,
      rate: null,
      rateExcludingExcused: null,
      meetsTarget: null,
      shortOfTarget: 0,
    });
    expect(summarizeAttendance([], 95).rate).toBeNull();
  });

  it('has no secondary rate when every required member is excused', () => {
    expect(summarizeAttendance(required('excused', 3), 95)).toMatchObject({
      rate: 0,
      rateExcludingExcused: null,
      meetsTarget: false,
      shortOfTarget: 3,
    });
  });

  describe('by unit', () => {
    const rows = [
      ...required('present_online', 2).map((attendance) => ({ unitId: 'b1', attendance })),
      ...required('absent').map((attendance) => ({ unitId: 'b1', attendance })),
      ...required('present_site', 3).map((attendance) => ({ unitId: 'b2', attendance })),
      ...exempt('late').map((attendance) => ({ unitId: 'b2', attendance })),
      ...required('excused').map((attendance) => ({ unitId: 'b9', attendance })),
    ];

    it('summarises each unit against its own target, in the order given, empty units included', () => {
      const summaries = summarizeAttendanceByUnit(rows, [
        { unitId: 'b2', targetPercent: 100 },
        { unitId: 'b1', targetPercent: 60 },
        { unitId: 'b3', targetPercent: 95 },
      ]);
      expect(
        summaries.map((s) => [s.unitId, s.required, s.attending, s.voluntary, s.rate, s.meetsTarget]),
      ).toEqual([
        ['b2', 3, 3, 1, 1, true],
        ['b1', 3, 2, 0, 2 / 3, true],
        ['b3', 0, 0, 0, null, null],
        ['b9', 1, 0, 0, 0, null],
      ]);
    });

    it('adds up to the session summary, which weighs members, not branches', () => {
      const session = summarizeAttendance(
        rows.map((r) => r.attendance),
        95,
      );
      const units = summarizeAttendanceByUnit(rows, []);
      expect(units.reduce((sum, u) => sum + u.required, 0)).toBe(session.required);
      expect(units.reduce((sum, u) => sum + u.attending, 0)).toBe(session.attending);
      expect(session).toMatchObject({
        required: 7,
        attending: 5,
        excused: 1,
        absent: 1,
        voluntary: 1,
        rate: 5 / 7,
      });
    });
  });
});
