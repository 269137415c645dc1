import { isMarkTimeAllowed } from './mark-time';

const hour = 3600_000;
const start = Date.parse('2026-03-01T08:00:00Z');
const times = { scheduledStart: start, scheduledEnd: start + 2 * hour };

describe('when a hand-made mark may say it happened', () => {
  it('from an hour before the start until now while the session runs', () => {
    const now = start + hour;
    expect(isMarkTimeAllowed(start - hour, times, now)).toBe(true);
    expect(isMarkTimeAllowed(start - hour - 1, times, now)).toBe(false);
    expect(isMarkTimeAllowed(now, times, now)).toBe(true);
    expect(isMarkTimeAllowed(now + 2 * hour, times, now)).toBe(false);
  });

  it('up to the recorded end once the session has ended', () => {
    const ended = { ...times, startedAt: start + 60_000, endedAt: start + 3 * hour };
    expect(isMarkTimeAllowed(start + 3 * hour, ended, start + 10 * hour)).toBe(true);
    expect(isMarkTimeAllowed(start + 3 * hour + 1, ended, start + 10 * hour)).toBe(false);
  });

  it('never years away', () => {
    const now = start + hour;
    expect(isMarkTimeAllowed(Date.parse('2020-01-01T00:00:00Z'), times, now)).toBe(false);
    expect(isMarkTimeAllowed(Date.parse('2099-01-01T00:00:00Z'), times, now)).toBe(false);
  });
});
