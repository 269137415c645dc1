import { at, minutes } from './attendance.factory';
import type { PresenceInterval } from './presence-intervals';
import { evaluateSessionAttendance, type SessionAttendanceInput } from './session-attendance';

const conn = (from: string, to: string | null, lastSeen?: string): PresenceInterval => ({
  start: at(from),
  end: to === null ? null : at(to),
  ...(lastSeen ? { lastHeartbeatAt: at(lastSeen) } : {}),
});

// Scheduled and held 08:00–10:00, default rules; heartbeats every 30 s, silent for 90 s is dead.
function input(overrides: Partial<SessionAttendanceInput> = {}): SessionAttendanceInput {
  return {
    times: {
      scheduledStart: at('08:00'),
      scheduledEnd: at('10:00'),
      startedAt: at('08:00'),
      endedAt: at('10:00'),
    },
    now: at('10:30'),
    final: true,
    heartbeat: { timeoutMs: 90_000, graceMs: 30_000 },
    roster: [],
    online: new Map(),
    siteConnections: new Map(),
    checkIns: new Map(),
    excuses: new Map(),
    units: [
      { unitId: 'b1', targetPercent: 95 },
      { unitId: 'b2', targetPercent: 50 },
    ],
    targetPercent: 95,
    ...overrides,
  };
}

describe('session attendance', () => {
  it('judges every member of the roster from their own and their rooms’ connections', () => {
    const result = evaluateSessionAttendance(
      input({
        roster: [
          { memberId: 'two-devices', unitId: 'b1', status: 'active' },
          { memberId: 'in-room', unitId: 'b1', status: 'active' },
          { memberId: 'excused', unitId: 'b2', status: 'active' },
          { memberId: 'never', unitId: 'b2', status: 'active' },
          { memberId: 'exempt', unitId: 'b2', status: 'exempt' },
        ],
        online: new Map([
          // Phone from the start, PC from 08:30 to the end: overlapping devices count once.
          ['two-devices', [conn('07:58', '09:00'), conn('08:30', '10:05')]],
          ['exempt', [conn('08:00', '10:00')]],
        ]),
        siteConnections: new Map([['room', [conn('07:50', '10:10')]]]),
        checkIns: new Map([['in-room', [{ siteId: 'room', at: at('08:05') }]]]),
        excuses: new Map([['excused', { reason: 'illness' as const }]]),
      }),
    );
    expect(result.members.map((m) => [m.memberId, m.status, m.attendedMs])).toEqual([
      ['two-devices', 'present_online', minutes(120)],
      ['in-room', 'present_site', minutes(115)],
      ['excused', 'excused', 0],
      ['never', 'absent', 0],
      ['exempt', 'present_online', minutes(120)],
    ]);
    expect(result.members[1]).toMatchObject({ where: 'site', siteId: 'room', connected: false });
    expect(result.units.map((u) => [u.unitId, u.required, u.attending, u.excused, u.voluntary])).toEqual([
      ['b1', 2, 2, 0, 0],
      ['b2', 2, 0, 1, 1],
    ]);
    expect(result.units[0]).toMatchObject({ rate: 1, meetsTarget: true });
    expect(result.total).toMatchObject({ required: 4, attending: 2, rate: 0.5, meetsTarget: false });
  });

  it('closes a connection that died silently at its last heartbeat plus one period', () => {
    const result = evaluateSessionAttendance(
      input({
        roster: [{ memberId: 'dropped', unitId: 'b1', status: 'active' }],
        // Never closed (the server restarted); the last heartbeat stored was at 09:29:40.
        online: new Map([['dropped', [conn('08:00', null, '09:29:40')]]]),
      }),
    );
    // 90 minutes and 10 seconds: just over the 75% share, and gone long before the end.
    expect(result.members[0]).toMatchObject({
      status: 'left_early',
      attendedMs: minutes(90) + 10_000,
      lastLeave: at('09:30:10'),
    });
  });

  it('ends room presence when the room’s own connection died silently', () => {
    const result = evaluateSessionAttendance(
      input({
        roster: [{ memberId: 'in-room', unitId: 'b1', status: 'active' }],
        siteConnections: new Map([['room', [conn('07:55', null, '09:00')]]]),
        checkIns: new Map([['in-room', [{ siteId: 'room', at: at('07:58') }]]]),
      }),
    );
    expect(result.members[0]).toMatchObject({ attendedMs: minutes(60) + 30_000, lastLeave: at('09:00:30') });
    expect(result.siteConnections.get('room')).toEqual([
      { ...conn('07:55', null, '09:00'), end: at('09:00:30') },
    ]);
  });

  it('reads a live session provisionally up to now, with who is connected at this moment', () => {
    const result = evaluateSessionAttendance(
      input({
        times: { scheduledStart: at('08:00'), scheduledEnd: at('10:00'), startedAt: at('08:00') },
        now: at('09:00'),
        final: false,
        roster: [
          { memberId: 'here', unitId: 'b1', status: 'active' },
          { memberId: 'gone', unitId: 'b1', status: 'active' },
          { memberId: 'stale', unitId: 'b1', status: 'active' },
        ],
        online: new Map([
          ['here', [conn('08:00', null, '08:59:45')]],
          ['gone', [conn('08:00', '08:50')]],
          ['stale', [conn('08:00', null, '08:40')]],
        ]),
      }),
    );
    expect(result.window).toMatchObject({ end: at('09:00'), provisional: true });
    expect(result.members.map((m) => [m.memberId, m.status, m.connected, m.leftEarly])).toEqual([
      ['here', 'present_online', true, false],
      ['gone', 'away', false, false],
      ['stale', 'away', false, false],
    ]);
  });

  it('judges a session that never recorded its end against the schedule when read as final', () => {
    const result = evaluateSessionAttendance(
      input({
        times: { scheduledStart: at('08:00'), scheduledEnd: at('10:00'), startedAt: at('08:00') },
        now: at('12:00'),
        roster: [{ memberId: 'm', unitId: 'b1', status: 'active' }],
        online: new Map([['m', [conn('08:00', '10:00')]]]),
      }),
    );
    expect(result.window).toMatchObject({ end: at('10:00'), provisional: false });
    expect(result.members[0]!.status).toBe('present_online');
  });
});
