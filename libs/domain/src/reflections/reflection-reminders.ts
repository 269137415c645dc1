/**
 * Reminders before a reflection deadline: three days and one day before, to every invited member
 * who has not handed in. A reminder whose moment passed while the server was down is still sent,
 * unless the deadline itself has passed (a reminder after the deadline only confuses).
 */
import { isHandedIn, type ReflectionState } from './reflection-rules';

const HOUR = 3600_000;

/** Hours before the deadline at which members are reminded, earliest first. */
export const REFLECTION_REMINDER_HOURS: readonly number[] = [72, 24];

/**
 * The reminder slots (hours before the deadline) due now and not yet sent. Several due at once
 * (the server was down, or reflections were turned on late) make one message; all are then sent.
 */
export function dueReminderSlots(
  deadline: Date,
  now: Date,
  alreadySent: readonly number[],
  hours: readonly number[] = REFLECTION_REMINDER_HOURS,
): number[] {
  if (now.getTime() > deadline.getTime()) return [];
  return hours.filter((h) => now.getTime() >= deadline.getTime() - h * HOUR && !alreadySent.includes(h));
}

/** Who gets the reminder: required members who have not handed in anything yet. */
export function needsReminder(member: { required: boolean; state: ReflectionState | null }): boolean {
  return member.required && !isHandedIn(member.state);
}

/** The two reflection reminders as delivery records know them: the first one and the last one. */
export type ReflectionReminderKind = 'reflection_early' | 'reflection_last';
export const REFLECTION_REMINDER_KINDS: readonly ReflectionReminderKind[] = [
  'reflection_early',
  'reflection_last',
];

export const isReflectionReminder = (kind: string): kind is ReflectionReminderKind =>
  (REFLECTION_REMINDER_KINDS as readonly string[]).includes(kind);

/**
 * The message for the slots due at once: the last reminder when the last slot is among them (it
 * says "tomorrow"), else the first. One message however many slots were missed.
 */
export function reminderKindFor(
  slots: readonly number[],
  hours: readonly number[] = REFLECTION_REMINDER_HOURS,
): ReflectionReminderKind {
  return slots.includes(Math.min(...hours)) ? 'reflection_last' : 'reflection_early';
}
