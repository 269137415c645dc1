import { at, minutes, online } from './attendance.factory';
import {
  clipSpans,
  closeOpenIntervals,
  closeStale,
  coveredMs,
  firstJoin,
  intersectSpans,
  lastLeave,
  mergeSpans,
  subtractSpans,
  type TimeSpan,
} from './presence-intervals';

const span = (from: string, to: string): TimeSpan => ({ start: at(from), end: at(to) });

describe('presence intervals', () => {
  describe('mergeSpans', () => {
    it('joins overlapping spans from two devices', () => {
      expect(mergeSpans([span('08:00', '09:00'), span('08:30', '09:30')])).toEqual([span('08:00', '09:30')]);
    });

    it('joins a span that ends exactly when the next begins (a reconnect with no gap)', () => {
      expect(mergeSpans([span('08:00', '08:20'), span('08:20', '09:00')])).toEqual([span('08:00', '09:00')]);
    });

    it('keeps a real gap between a drop and a reconnect', () => {
      expect(mergeSpans([span('08:20:01', '09:00'), span('08:00', '08:20')])).toEqual([
        span('08:00', '08:20'),
        span('08:20:01', '09:00'),
      ]);
    });

    it('swallows a span inside another, sorts, and drops empty or inverted spans', () => {
      expect(
        mergeSpans([
          span('09:30', '09:40'),
          span('08:10', '08:20'),
          span('08:00', '09:00'),
          span('08:30', '08:30'),
          span('08:50', '08:40'),
        ]),
      ).toEqual([span('08:00', '09:00'), span('09:30', '09:40')]);
    });

    it('does not change its input', () => {
      const input = [span('08:00', '08:30'), span('08:10', '09:00')];
      const copy = structuredClone(input);
      mergeSpans(input);
      expect(input).toEqual(copy);
    });

    it('returns nothing for nothing', () => {
      expect(mergeSpans([])).toEqual([]);
    });
  });

  describe('clipSpans', () => {
    it('cuts time before the start and after the end', () => {
      expect(clipSpans([span('07:30', '08:15'), span('09:50', '10:30')], span('08:00', '10:00'))).toEqual([
        span('08:00', '08:15'),
        span('09:50', '10:00'),
      ]);
    });

    it('drops spans wholly outside the window, including ones that only touch its edges', () => {
      expect(clipSpans([span('07:00', '08:00'), span('10:00', '11:00')], span('08:00', '10:00'))).toEqual([]);
    });

    it('returns nothing for a zero-length window', () => {
      expect(clipSpans([span('07:00', '11:00')], span('08:00', '08:00'))).toEqual([]);
    });
  });

  describe('intersectSpans and subtractSpans', () => {
    const a = [span('08:00', '09:00'), span('09:30', '10:00')];
    const b = [span('08:30', '09:45')];

    it('keeps the time covered by both', () => {
      expect(intersectSpans(a, b)).toEqual([span('08:30', '09:00'), span('09:30', '09:45')]);
      expect(intersectSpans(b, a)).toEqual(intersectSpans(a, b));
    });

    it('keeps the time covered by the first only', () => {
      expect(subtractSpans(a, b)).toEqual([span('08:00', '08:30'), span('09:45', '10:00')]);
      expect(subtractSpans(b, a)).toEqual([span('09:00', '09:30')]);
    });

    it('handles one span cut by several', () => {
      expect(
        subtractSpans([span('08:00', '10:00')], [span('08:10', '08:20'), span('09:00', '09:10')]),
      ).toEqual([span('08:00', '08:10'), span('08:20', '09:00'), span('09:10', '10:00')]);
      expect(subtractSpans([span('08:00', '09:00')], [span('07:00', '11:00')])).toEqual([]);
      expect(subtractSpans([span('08:00', '09:00')], [])).toEqual([span('08:00', '09:00')]);
    });

    it('keeps a span that overlaps nothing', () => {
      expect(intersectSpans([span('08:00', '08:10')], [span('09:00', '09:10')])).toEqual([]);
      expect(subtractSpans([span('08:00', '08:10')], [span('09:00', '09:10')])).toEqual([
        span('08:00', '08:10'),
      ]);
    });

    it('add up: |a ∩ b| + |a − b| = |a|', () => {
      expect(coveredMs(intersectSpans(a, b)) + coveredMs(subtractSpans(a, b))).toBe(coveredMs(a));
    });
  });

  describe('coveredMs, firstJoin, lastLeave', () => {
    it('counts overlapping devices once', () => {
      expect(coveredMs([span('08:00', '09:00'), span('08:30', '09:30'), span('08:45', '09:00')])).toBe(
        minutes(90),
      );
    });

    it('finds the first join and the last leave across devices', () => {
      const spans = [span('08:40', '09:10'), span('08:05', '08:30'), span('09:00', '09:55')];
      expect(firstJoin(spans)).toBe(at('08:05'));
      expect(lastLeave(spans)).toBe(at('09:55'));
    });

    it('answers 0 and null when there is no presence', () => {
      expect(coveredMs([])).toBe(0);
      expect(firstJoin([])).toBeNull();
      expect(lastLeave([span('08:00', '08:00')])).toBeNull();
    });
  });

  describe('closeOpenIntervals', () => {
    it('closes a still-open connection at the given time and leaves closed ones alone', () => {
      expect(closeOpenIntervals([online('08:00', null), online('08:10', '08:20')], at('09:00'))).toEqual([
        { source: 'online', start: at('08:00'), end: at('09:00') },
        { source: 'online', start: at('08:10'), end: at('08:20') },
      ]);
    });

    it('makes a connection opened after that time empty rather than inverted', () => {
      expect(closeOpenIntervals([online('10:30', null)], at('10:00'))).toEqual([
        { source: 'online', start: at('10:30'), end: at('10:30') },
      ]);
    });
  });

  describe('closeStale (heartbeat rule)', () => {
    const timeout = minutes(1);

    it('closes an open interval silent for longer than the timeout at its last heartbeat plus grace', () => {
      const [closed] = closeStale([online('08:00', null, '08:40')], at('08:45'), timeout, 30_000);
      expect(closed!.end).toBe(at('08:40:30'));
    });

    it('closes exactly at the last heartbeat without grace', () => {
      expect(closeStale([online('08:00', null, '08:40')], at('08:45'), timeout)[0]!.end).toBe(at('08:40'));
    });

    it('leaves an interval open while the silence is within the timeout, boundary included', () => {
      const interval = online('08:00', null, '08:44');
      expect(closeStale([interval], at('08:45'), timeout)[0]).toBe(interval);
      expect(closeStale([interval], at('08:45:00.001'), timeout)[0]!.end).toBe(at('08:44'));
    });

    it('uses the start when no heartbeat ever came', () => {
      expect(closeStale([online('08:00', null)], at('08:05'), timeout, 10_000)[0]!.end).toBe(at('08:00:10'));
    });

    it('never closes after now, nor before the start', () => {
      expect(closeStale([online('08:00', null, '08:40')], at('08:41:30'), timeout, minutes(5))[0]!.end).toBe(
        at('08:41:30'),
      );
      const odd = { ...online('08:30', null), lastHeartbeatAt: at('08:20') };
      expect(closeStale([odd], at('09:00'), timeout)[0]!.end).toBe(at('08:30'));
    });

    it('leaves closed intervals alone and keeps extra fields', () => {
      const closed = online('08:00', '08:30', '08:29');
      const site = {
        source: 'site' as const,
        siteId: 's1',
        start: at('08:00'),
        end: null,
        lastHeartbeatAt: at('08:10'),
      };
      const [a, b] = closeStale([closed, site], at('09:00'), timeout);
      expect(a).toBe(closed);
      expect(b).toEqual({ ...site, end: at('08:10') });
    });

    it('after a server restart closes what was open before it, so nothing is lost', () => {
      const beforeRestart = [online('08:00', null, '08:50'), online('08:05', null, '08:52')];
      const afterRestart = closeStale(beforeRestart, at('09:00'), timeout, 15_000);
      expect(afterRestart.map((i) => i.end)).toEqual([at('08:50:15'), at('08:52:15')]);
      expect(coveredMs(closeOpenIntervals(afterRestart, at('09:00')))).toBe(at('08:52:15') - at('08:00'));
    });
  });
});
