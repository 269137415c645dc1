import {
  dueReminderSlots,
  isReflectionReminder,
  needsReminder,
  reminderKindFor,
} from './reflection-reminders';

const deadline = new Date('2026-03-20T10:00:00Z');
const hoursBefore = (h: number) => new Date(deadline.getTime() - h * 3600_000);

describe('reflection reminders', () => {
  it('sends three days and one day before, once each', () => {
    expect(dueReminderSlots(deadline, hoursBefore(100), [])).toEqual([]);
    expect(dueReminderSlots(deadline, hoursBefore(72), [])).toEqual([72]);
    expect(dueReminderSlots(deadline, hoursBefore(30), [72])).toEqual([]);
    expect(dueReminderSlots(deadline, hoursBefore(24), [72])).toEqual([24]);
    expect(dueReminderSlots(deadline, hoursBefore(1), [72, 24])).toEqual([]);
  });

  it('catches up on slots missed while down (one message), and never after the deadline', () => {
    expect(dueReminderSlots(deadline, hoursBefore(5), [])).toEqual([72, 24]);
    expect(dueReminderSlots(deadline, deadline, [])).toEqual([72, 24]);
    expect(dueReminderSlots(deadline, new Date(deadline.getTime() + 1), [])).toEqual([]);
  });

  it('reminds required members who have handed nothing in', () => {
    expect(needsReminder({ required: true, state: null })).toBe(true);
    expect(needsReminder({ required: true, state: 'draft' })).toBe(true);
    expect(needsReminder({ required: true, state: 'submitted' })).toBe(false);
    expect(needsReminder({ required: false, state: null })).toBe(false);
  });

  it('sends the last reminder when the last slot is due (even with a missed first one), else the first', () => {
    expect(reminderKindFor([72])).toBe('reflection_early');
    expect(reminderKindFor([24])).toBe('reflection_last');
    expect(reminderKindFor([72, 24])).toBe('reflection_last');
    expect(isReflectionReminder('reflection_early')).toBe(true);
    expect(isReflectionReminder('reminder_day')).toBe(false);
  });
});
