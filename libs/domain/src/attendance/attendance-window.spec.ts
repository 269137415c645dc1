import { at, windowFactory } from './attendance.factory';
import { attendanceWindow, expectedSpan } from './attendance-window';

const scheduled = { scheduledStart: at('08:00'), scheduledEnd: at('10:00') };

describe('attendance window', () => {
  it('uses the actual live window when it is known', () => {
    expect(attendanceWindow({ ...scheduled, startedAt: at('08:07'), endedAt: at('10:20') })).toEqual({
      start: at('08:07'),
      end: at('10:20'),
      ...scheduled,
      provisional: false,
    });
  });

  it('falls back to the schedule for times not recorded', () => {
    expect(attendanceWindow(scheduled)).toMatchObject({
      start: at('08:00'),
      end: at('10:00'),
      provisional: false,
    });
    expect(attendanceWindow({ ...scheduled, startedAt: at('08:05') })).toMatchObject({
      start: at('08:05'),
      end: at('10:00'),
    });
  });

  it('reads a live session up to now, provisionally', () => {
    expect(attendanceWindow({ ...scheduled, startedAt: at('08:02') }, at('09:00'))).toMatchObject({
      start: at('08:02'),
      end: at('09:00'),
      provisional: true,
    });
  });

  it('is final once the session ended, whatever now is', () => {
    expect(
      attendanceWindow({ ...scheduled, startedAt: at('08:00'), endedAt: at('09:50') }, at('12:00')),
    ).toMatchObject({
      end: at('09:50'),
      provisional: false,
    });
  });

  it('never runs backwards', () => {
    expect(attendanceWindow({ ...scheduled, startedAt: at('08:00'), endedAt: at('07:00') })).toMatchObject({
      start: at('08:00'),
      end: at('08:00'),
    });
    expect(attendanceWindow(scheduled, at('07:00'))).toMatchObject({ start: at('08:00'), end: at('08:00') });
  });

  describe('expectedSpan', () => {
    it('is the schedule for a session run to schedule', () => {
      expect(expectedSpan(windowFactory())).toEqual({ start: at('08:00'), end: at('10:00') });
    });

    it('starts at the actual start of a session that started late', () => {
      expect(expectedSpan(windowFactory({ started: '08:20' }))).toEqual({
        start: at('08:20'),
        end: at('10:00'),
      });
    });

    it('starts at the announced start of a session that started early', () => {
      expect(expectedSpan(windowFactory({ started: '07:55' }))).toEqual({
        start: at('08:00'),
        end: at('10:00'),
      });
    });

    it('ends at the announced end of a session that ran over, and at the actual end of one cut short', () => {
      expect(expectedSpan(windowFactory({ ended: '10:30' }))).toEqual({
        start: at('08:00'),
        end: at('10:00'),
      });
      expect(expectedSpan(windowFactory({ ended: '09:30' }))).toEqual({
        start: at('08:00'),
        end: at('09:30'),
      });
    });

    it('ends now while live', () => {
      expect(expectedSpan(windowFactory({ now: '08:45' }))).toEqual({ start: at('08:00'), end: at('08:45') });
    });

    it('is the actual window for a session held wholly outside its schedule', () => {
      expect(expectedSpan(windowFactory({ started: '14:00', ended: '15:30' }))).toEqual({
        start: at('14:00'),
        end: at('15:30'),
      });
    });

    it('is empty for a zero-length session', () => {
      const span = expectedSpan(windowFactory({ started: '08:00', ended: '08:00' }));
      expect(span.end - span.start).toBe(0);
    });
  });
});
