import { at, attendanceOf, inRoom, minutes, online } from './attendance.factory';
import { isAttending } from './attendance-status';
import { DEFAULT_ATTENDANCE_RULES, resolveAttendanceRules } from './member-attendance';
import { closeStale } from './presence-intervals';
import type { MemberPresenceInterval } from './site-presence';

// Unless a test says otherwise: scheduled and held 08:00–10:00 (120 min), default rules, so 90 min
// is enough, 08:10 is the last on-time join and 09:55 the earliest leave that is not early.

describe('member attendance', () => {
  it('takes its defaults from the contract: 75%, 10 minutes grace, 5 minutes tolerance', () => {
    expect(DEFAULT_ATTENDANCE_RULES).toEqual({
      presentShare: 0.75,
      lateGraceMinutes: 10,
      leftEarlyToleranceMinutes: 5,
    });
    expect(resolveAttendanceRules({ presentShare: 0.5, lateGraceMinutes: undefined })).toEqual({
      presentShare: 0.5,
      lateGraceMinutes: 10,
      leftEarlyToleranceMinutes: 5,
    });
  });

  it('reads a member who was there throughout as present online, with all the details', () => {
    expect(attendanceOf([online('07:58', '10:02')])).toEqual({
      status: 'present_online',
      required: true,
      attendedMs: minutes(120),
      expectedMs: minutes(120),
      share: 1,
      firstJoin: at('08:00'),
      lastLeave: at('10:00'),
      where: 'online',
      siteId: null,
      onlineMs: minutes(120),
      siteMs: 0,
      late: false,
      lateMinutes: 0,
      leftEarly: false,
      leftEarlyMinutes: 0,
      excuse: null,
      provisional: false,
    });
  });

  it('reads a member never seen as absent, with empty details', () => {
    expect(attendanceOf([])).toMatchObject({
      status: 'absent',
      attendedMs: 0,
      share: 0,
      firstJoin: null,
      lastLeave: null,
      where: null,
      late: false,
      lateMinutes: 0,
      leftEarly: false,
      leftEarlyMinutes: 0,
    });
  });

  describe('the share threshold', () => {
    it('is present at exactly the share (90 of 120 minutes)', () => {
      const result = attendanceOf([online('08:00', '08:45'), online('09:15', '10:00')]);
      expect(result).toMatchObject({ status: 'present_online', attendedMs: minutes(90), share: 0.75 });
    });

    it('is absent one millisecond below it', () => {
      const result = attendanceOf([online('08:00', '08:45'), online('09:15:00.001', '10:00')]);
      expect(result.status).toBe('absent');
      expect(result.share).toBeLessThan(0.75);
    });

    it('follows the session rules', () => {
      const presence = [online('08:00', '09:00'), online('09:50', '10:00')];
      expect(attendanceOf(presence).status).toBe('absent');
      expect(attendanceOf(presence, { rules: { presentShare: 0.5 } }).status).toBe('present_online');
    });

    it('is exact for shares that are not exact in binary (70% of 2 hours = 84 minutes)', () => {
      const rules = { presentShare: 0.7 };
      expect(attendanceOf([online('08:00', '08:42'), online('09:18', '10:00')], { rules }).status).toBe(
        'present_online',
      );
      expect(
        attendanceOf([online('08:00', '08:42'), online('09:18:00.001', '10:00')], { rules }).status,
      ).toBe('absent');
    });
  });

  describe('lateness', () => {
    it('is on time when joining exactly at the end of the grace period, with no late minutes', () => {
      expect(attendanceOf([online('08:10', '10:00')])).toMatchObject({
        status: 'present_online',
        late: false,
        lateMinutes: 0,
      });
      expect(attendanceOf([online('08:03', '10:00')]).lateMinutes).toBe(0);
    });

    it('is late one millisecond after it, counting minutes rounded up', () => {
      expect(attendanceOf([online('08:10:00.001', '10:00')])).toMatchObject({
        status: 'late',
        late: true,
        lateMinutes: 11,
      });
    });

    it('is never late for joining before the start, and time before the start does not count', () => {
      expect(attendanceOf([online('07:30', '10:00')])).toMatchObject({
        status: 'present_online',
        attendedMs: minutes(120),
        firstJoin: at('08:00'),
        lateMinutes: 0,
      });
    });

    it('judges the first join inside the session, not a test connection before it', () => {
      expect(attendanceOf([online('07:00', '07:10'), online('08:25', '10:00')])).toMatchObject({
        status: 'late',
        firstJoin: at('08:25'),
        lateMinutes: 25,
      });
    });

    it('is absent, not late, below the share (the late flag is kept)', () => {
      expect(attendanceOf([online('08:40', '10:00')])).toMatchObject({
        status: 'absent',
        late: true,
        lateMinutes: 40,
      });
    });

    it('counts from the actual start of a session that started late', () => {
      expect(attendanceOf([online('08:25', '10:30')], { started: '08:20', ended: '10:30' }).status).toBe(
        'present_online',
      );
      expect(attendanceOf([online('08:30:01', '10:30')], { started: '08:20', ended: '10:30' }).status).toBe(
        'late',
      );
      expect(attendanceOf([online('08:00', '08:30')], { started: '08:20', ended: '10:30' }).attendedMs).toBe(
        minutes(10),
      );
    });

    it('counts from the announced start of a session that started early, but the early time counts', () => {
      const result = attendanceOf([online('07:50', '09:20')], { started: '07:50' });
      expect(result).toMatchObject({ late: false, attendedMs: minutes(90), status: 'left_early' });
      expect(attendanceOf([online('08:10', '10:00')], { started: '07:50' }).status).toBe('present_online');
    });

    it('follows a zero grace period', () => {
      expect(attendanceOf([online('08:00:00.001', '10:00')], { rules: { lateGraceMinutes: 0 } }).status).toBe(
        'late',
      );
    });
  });

  describe('leaving early', () => {
    it('is not early when leaving exactly at the tolerance, with no early minutes', () => {
      expect(attendanceOf([online('08:00', '09:55')])).toMatchObject({
        status: 'present_online',
        leftEarly: false,
        leftEarlyMinutes: 0,
      });
    });

    it('is early one millisecond before it', () => {
      expect(attendanceOf([online('08:00', '09:54:59.999')])).toMatchObject({
        status: 'left_early',
        leftEarly: true,
        leftEarlyMinutes: 6,
      });
    });

    it('gives way to late when both apply (both flags kept)', () => {
      expect(attendanceOf([online('08:15', '09:50')])).toMatchObject({
        status: 'late',
        late: true,
        leftEarly: true,
      });
    });

    it('is absent below the share', () => {
      expect(attendanceOf([online('08:00', '09:00')])).toMatchObject({
        status: 'absent',
        leftEarly: true,
        leftEarlyMinutes: 60,
      });
    });

    it('follows a zero tolerance', () => {
      expect(
        attendanceOf([online('08:00', '09:59:59.999')], { rules: { leftEarlyToleranceMinutes: 0 } }).status,
      ).toBe('left_early');
    });
  });

  describe('a session that runs over', () => {
    const overrun = { ended: '10:30' };

    it('counts the time after the scheduled end', () => {
      const presence = [online('08:00', '08:20'), online('09:00', '10:30')];
      expect(attendanceOf(presence, overrun)).toMatchObject({
        status: 'present_online',
        attendedMs: minutes(110),
      });
      expect(attendanceOf(presence).status).toBe('absent');
    });

    it('does not count leaving at the announced end as leaving early', () => {
      expect(attendanceOf([online('08:00', '10:00')], overrun)).toMatchObject({
        status: 'present_online',
        share: 1,
        lastLeave: at('10:00'),
      });
    });

    it('caps the share at 1 and ignores time after the actual end', () => {
      expect(attendanceOf([online('07:55', '11:00')], overrun)).toMatchObject({
        attendedMs: minutes(150),
        expectedMs: minutes(120),
        share: 1,
        lastLeave: at('10:30'),
      });
    });

    it('holds members to the actual end of a session cut short', () => {
      expect(attendanceOf([online('08:00', '09:00')], { ended: '09:00' })).toMatchObject({
        status: 'present_online',
        expectedMs: minutes(60),
        share: 1,
      });
    });
  });

  describe('several devices and reconnects', () => {
    it('counts overlapping devices once', () => {
      expect(attendanceOf([online('08:00', '09:00'), online('08:30', '10:00')])).toMatchObject({
        status: 'present_online',
        attendedMs: minutes(120),
      });
    });

    it('counts the gaps between reconnects as missing', () => {
      const result = attendanceOf([
        online('08:00', '08:30'),
        online('08:31', '09:10'),
        online('09:12', '10:00'),
      ]);
      expect(result).toMatchObject({ status: 'present_online', attendedMs: minutes(117) });
    });

    it('treats a connection still open as present until the end', () => {
      expect(attendanceOf([online('08:00', null)])).toMatchObject({
        status: 'present_online',
        lastLeave: at('10:00'),
      });
    });

    it('uses the heartbeat rule for a connection that died silently', () => {
      const presence = closeStale([online('08:00', null, '09:35')], at('10:00'), minutes(1), 30_000);
      expect(attendanceOf(presence)).toMatchObject({ status: 'left_early', lastLeave: at('09:35:30') });
    });

    it('ignores presence wholly outside the session', () => {
      expect(attendanceOf([online('06:00', '07:00'), online('10:00', '11:00')]).status).toBe('absent');
    });
  });

  describe('district rooms', () => {
    it('reads a member in a room as present at the site, even with their phone connected', () => {
      expect(attendanceOf([online('07:55', '10:00'), inRoom('room-a', '07:58', '10:00')])).toMatchObject({
        status: 'present_site',
        where: 'site',
        siteId: 'room-a',
        siteMs: minutes(120),
        onlineMs: 0,
        attendedMs: minutes(120),
      });
    });

    it('adds room and online time, and picks the larger; a tie goes to the room', () => {
      expect(attendanceOf([online('08:00', '09:10'), inRoom('room-a', '09:10', '10:00')])).toMatchObject({
        status: 'present_online',
        onlineMs: minutes(70),
        siteMs: minutes(50),
        siteId: null,
      });
      expect(attendanceOf([online('08:00', '09:00'), inRoom('room-a', '09:00', '10:00')])).toMatchObject({
        status: 'present_site',
        siteId: 'room-a',
      });
    });

    it('names the room with the most time, the first entered on a tie', () => {
      expect(
        attendanceOf([inRoom('room-b', '08:00', '08:50'), inRoom('room-a', '08:50', '10:00')]).siteId,
      ).toBe('room-a');
      expect(
        attendanceOf([inRoom('room-b', '08:00', '09:00'), inRoom('room-a', '09:00', '10:00')]).siteId,
      ).toBe('room-b');
    });

    it('applies lateness to room members too', () => {
      expect(attendanceOf([inRoom('room-a', '08:20', '10:00')])).toMatchObject({
        status: 'late',
        where: 'site',
      });
    });
  });

  describe('excused absences', () => {
    const illness = { reason: 'illness' as const, note: 'hospital' };

    it('reads an excused member who did not attend as excused, keeping the reason', () => {
      expect(attendanceOf([], { excuse: illness })).toMatchObject({ status: 'excused', excuse: illness });
      expect(attendanceOf([online('08:00', '08:30')], { excuse: { reason: 'duty' } }).status).toBe('excused');
    });

    it('counts an excused member who attended enough as attended, keeping the excuse', () => {
      expect(attendanceOf([online('08:00', '10:00')], { excuse: illness })).toMatchObject({
        status: 'present_online',
        excuse: illness,
      });
      expect(attendanceOf([online('08:20', '10:00')], { excuse: illness }).status).toBe('late');
    });
  });

  describe('who is required', () => {
    it('requires active members only', () => {
      expect(attendanceOf([]).required).toBe(true);
      expect(attendanceOf([], { memberStatus: 'exempt' }).required).toBe(false);
      expect(attendanceOf([], { memberStatus: 'inactive' }).required).toBe(false);
    });

    it('still records the attendance of an exempt member who came', () => {
      expect(attendanceOf([online('08:00', '10:00')], { memberStatus: 'exempt' })).toMatchObject({
        status: 'present_online',
        required: false,
      });
    });
  });

  describe('a zero-length session', () => {
    it('divides by nothing: share 0, absent or excused', () => {
      const held = { started: '08:00', ended: '08:00' };
      expect(attendanceOf([online('07:00', '11:00')], held)).toMatchObject({
        status: 'absent',
        share: 0,
        expectedMs: 0,
        attendedMs: 0,
      });
      expect(attendanceOf([], { ...held, excuse: { reason: 'maternity' } }).status).toBe('excused');
    });
  });

  describe('a live reading', () => {
    // 08:00–10:00 needs 90 minutes: whoever can still be there 90 minutes by 10:00 can attend.
    it('judges the time so far and is marked provisional', () => {
      expect(attendanceOf([online('08:00', null)], { now: '09:00' })).toMatchObject({
        status: 'present_online',
        expectedMs: minutes(60),
        share: 1,
        provisional: true,
      });
    });

    it('counts whoever is here as present at once, not after their share so far has grown', () => {
      // Joined four minutes in: 1 of 5 minutes so far, but staying to the end is enough.
      expect(attendanceOf([online('08:04', null)], { now: '08:05' })).toMatchObject({
        status: 'present_online',
        late: false,
        lateMinutes: 0,
      });
      expect(attendanceOf([inRoom('hall', '08:02', null)], { now: '08:03' }).status).toBe('present_site');
    });

    it('says "not arrived yet" while coming now would still be enough, and absent once it is too late', () => {
      expect(attendanceOf([], { now: '08:05' }).status).toBe('not_arrived');
      expect(attendanceOf([], { now: '08:30' }).status).toBe('not_arrived');
      expect(attendanceOf([], { now: '08:30:00.001' }).status).toBe('absent');
      expect(attendanceOf([], { now: '08:40', excuse: { reason: 'illness' } }).status).toBe('excused');
    });

    it('says "away" for someone who came and left and can still make it, and never "left early"', () => {
      expect(attendanceOf([online('08:00', '08:50')], { now: '09:00' })).toMatchObject({
        status: 'away',
        leftEarly: false,
        leftEarlyMinutes: 0,
      });
      // 30 minutes so far and 60 to go: exactly enough if they come back now.
      expect(attendanceOf([online('08:00', '08:30')], { now: '09:00' }).status).toBe('away');
      expect(attendanceOf([online('08:00', '08:29')], { now: '09:00' }).status).toBe('absent');
      // Already enough and gone: the final reading will say left early; for now, present.
      expect(attendanceOf([online('08:00', '09:35')], { now: '09:40' }).status).toBe('present_online');
    });

    it('shows a late member as late as soon as they are here, with minutes only past the grace', () => {
      expect(attendanceOf([online('08:20', null)], { now: '08:21' })).toMatchObject({
        status: 'late',
        late: true,
        lateMinutes: 20,
      });
      expect(attendanceOf([online('08:09', null)], { now: '08:15' })).toMatchObject({
        status: 'present_online',
        lateMinutes: 0,
      });
      // Here, but too late to be there long enough: absent, and the lateness is shown.
      expect(attendanceOf([online('08:40', null)], { now: '08:41' })).toMatchObject({
        status: 'absent',
        late: true,
        lateMinutes: 40,
      });
    });

    it('counts a member waiting before the start as present', () => {
      expect(attendanceOf([online('07:50', null)], { started: null, now: '07:55' })).toMatchObject({
        status: 'present_online',
        expectedMs: 0,
        provisional: true,
      });
    });

    it('projects a session running over its schedule to now', () => {
      // Held to 08:00–10:00, and the overrun counts: here since 08:56, 84 minutes at 10:20, 94 at 10:30.
      expect(attendanceOf([online('08:56', null)], { now: '10:20' }).status).toBe('absent');
      expect(attendanceOf([online('08:56', null)], { now: '10:30' }).status).toBe('late');
    });
  });

  it('keeps its invariants on random live readings: present is what staying would give, pending is reachable', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const clock = (ms: number) => new Date(at('07:50') + ms).toISOString().slice(11, 23);
    for (let run = 0; run < 300; run++) {
      const now = Math.floor(random() * minutes(140));
      const presence: MemberPresenceInterval[] = [];
      for (let n = Math.floor(random() * 4); n > 0; n--) {
        const start = Math.floor(random() * now);
        const end = random() < 0.4 ? null : start + Math.floor(random() * (now - start));
        presence.push(online(clock(start), end === null ? null : clock(end)));
      }
      const live = attendanceOf(presence, { now: clock(now) });
      expect(live.provisional).toBe(true);
      expect(live.leftEarly).toBe(false);
      if (live.status === 'not_arrived') expect(live.firstJoin).toBeNull();
      if (live.status === 'away') expect(live.attendedMs).toBeGreaterThan(0);
      if (live.lateMinutes > 0) expect(live.late).toBe(true);
      // If whoever is connected stays to the end (10:00, or now in an overrun), the final reading
      // attends exactly when the live one did.
      const end = Math.max(now, minutes(130));
      const stays = presence.map((p) => (p.end === null ? { ...p, end: at('07:50') + end } : p));
      const final = attendanceOf(stays, { ended: clock(end) });
      expect(isAttending(final.status)).toBe(isAttending(live.status));
      if (isAttending(live.status)) expect(final.late).toBe(live.late);
    }
  });

  it('keeps its invariants on random timelines', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const clock = (ms: number) => new Date(at('07:30') + ms).toISOString().slice(11, 23);
    for (let run = 0; run < 300; run++) {
      const presence: MemberPresenceInterval[] = [];
      for (let n = Math.floor(random() * 6); n > 0; n--) {
        const start = Math.floor(random() * minutes(180));
        const end = start + Math.floor(random() * minutes(90));
        presence.push(
          random() < 0.5
            ? online(clock(start), clock(end))
            : inRoom(`room-${n % 2}`, clock(start), clock(end)),
        );
      }
      const result = attendanceOf(presence, { ended: random() < 0.3 ? '10:30' : '10:00' });
      expect(result.onlineMs + result.siteMs).toBe(result.attendedMs);
      expect(result.share).toBeGreaterThanOrEqual(0);
      expect(result.share).toBeLessThanOrEqual(1);
      expect(isAttending(result.status)).toBe(result.attendedMs >= 0.75 * result.expectedMs);
      if (result.status === 'late') expect(result.late).toBe(true);
      if (result.status === 'left_early') expect([result.late, result.leftEarly]).toEqual([false, true]);
      if (result.firstJoin !== null) expect(result.lastLeave!).toBeGreaterThan(result.firstJoin);
    }
  });
});
