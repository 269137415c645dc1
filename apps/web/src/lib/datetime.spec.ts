import { addDays, dayKey, fromLocalInput, monthGridStart, toLocalInput } from './datetime';

describe('datetime-local conversion', () => {
  it('round-trips a local input through ISO with the local offset', () => {
    const iso = fromLocalInput('2025-03-01T08:30');
    expect(iso).toMatch(/^2025-03-01T08:30:00[+-]\d{2}:\d{2}$/);
    expect(toLocalInput(iso!)).toBe('2025-03-01T08:30');
    expect(new Date(iso!).getTime()).toBe(new Date(2025, 2, 1, 8, 30).getTime());
  });

  it('refuses an empty or broken value', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });
});

describe('month grid', () => {
  it('starts on the Monday on or before the first of the month', () => {
    // 1 March 2025 is a Saturday; the grid starts on Monday 24 February.
    expect(dayKey(monthGridStart(new Date(2025, 2, 15)))).toBe('2025-02-24');
    // 1 September 2025 is a Monday.
    expect(dayKey(monthGridStart(new Date(2025, 8, 1)))).toBe('2025-09-01');
  });

  it('adds calendar days across month ends', () => {
    expect(dayKey(addDays(new Date(2025, 0, 30), 3))).toBe('2025-02-02');
  });
});
