import type { NotificationKind, SessionState } from '@hallbridge/contracts';
import { isReflectionReminder } from '../reflections/reflection-reminders';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type ReminderKind = Extract<NotificationKind, 'reminder_day' | 'reminder_hour' | 'reminder_start'>;
export const REMINDER_KINDS: readonly ReminderKind[] = ['reminder_day', 'reminder_hour', 'reminder_start'];

export interface ScheduledTimes {
  startsAt: Date;
  endsAt: Date;
}

/** When a message should go, and after when it means nothing any more. */
export interface MessageWindow {
  dueAt: Date;
  expiresAt: Date;
}

/**
 * A reminder goes a day before, an hour before and at the start. Each lapses when the next one
 * takes over (the day-before one an hour before the start, the hour-before one at the start), and
 * the one at the start half an hour in (or at the end of a shorter session).
 */
export function reminderWindow(kind: ReminderKind, s: ScheduledTimes): MessageWindow {
  const start = s.startsAt.getTime();
  switch (kind) {
    case 'reminder_day':
      return { dueAt: new Date(start - 24 * HOUR), expiresAt: new Date(start - HOUR) };
    case 'reminder_hour':
      return { dueAt: new Date(start - HOUR), expiresAt: new Date(start) };
    case 'reminder_start':
      return {
        dueAt: new Date(start),
        expiresAt: new Date(Math.min(start + 30 * MINUTE, s.endsAt.getTime())),
      };
  }
}

/**
 * A reminder that would arrive right after the invitation only repeats it: it is planned only when
 * it falls at least this long after the moment of planning. The one at the start always counts.
 */
export const REMINDER_MIN_GAP_MS: Record<ReminderKind, number> = {
  reminder_day: 2 * HOUR,
  reminder_hour: 15 * MINUTE,
  reminder_start: 0,
};

/** Invitations and reminders are sent only for a session that is still ahead or running. */
export const sessionTakesMessages = (state: SessionState) => state === 'scheduled' || state === 'live';

export interface PlannedMessage extends MessageWindow {
  kind: NotificationKind;
}

/**
 * What a member invited at `now` is sent: the invitation at once (until the session ends) and
 * the reminders still worth sending.
 */
export function planMessages(s: ScheduledTimes & { state: SessionState }, now: Date): PlannedMessage[] {
  if (!sessionTakesMessages(s.state) || now >= s.endsAt) return [];
  const planned: PlannedMessage[] = [{ kind: 'invitation', dueAt: now, expiresAt: s.endsAt }];
  for (const kind of REMINDER_KINDS) {
    const w = reminderWindow(kind, s);
    if (w.dueAt.getTime() - now.getTime() >= REMINDER_MIN_GAP_MS[kind] && w.expiresAt > now)
      planned.push({ kind, ...w });
  }
  return planned;
}

/** A notice goes at once and is worth sending until the (new) end of the session. */
export function noticeWindow(s: ScheduledTimes, now: Date): MessageWindow {
  return { dueAt: now, expiresAt: new Date(Math.max(s.endsAt.getTime(), now.getTime() + 24 * HOUR)) };
}

export interface KnownMessage {
  kind: NotificationKind;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
}

export type Replan =
  | { action: 'keep' }
  | { action: 'move'; window: MessageWindow }
  | { action: 'requeue'; window: MessageWindow }
  | { action: 'cancel'; reason: 'rescheduled_past' | 'session_cancelled' };

/**
 * A session moved to other times: a reminder still waiting takes its new time (or is dropped when
 * that is already past); one already sent or given up is sent again for the new time when that
 * is still ahead, so nobody keeps only a reminder of the old time. Invitations and notices stay.
 */
export function replanOnMove(m: KnownMessage, s: ScheduledTimes, now: Date): Replan {
  if (!(REMINDER_KINDS as readonly string[]).includes(m.kind)) return { action: 'keep' };
  const kind = m.kind as ReminderKind;
  const window = reminderWindow(kind, s);
  const ahead = window.dueAt.getTime() - now.getTime() >= REMINDER_MIN_GAP_MS[kind] && window.expiresAt > now;
  if (m.status === 'queued')
    return ahead ? { action: 'move', window } : { action: 'cancel', reason: 'rescheduled_past' };
  if (m.status === 'sending') return { action: 'keep' };
  return ahead ? { action: 'requeue', window } : { action: 'keep' };
}

/** A cancelled session: whatever still waits is dropped. */
export function replanOnCancel(m: KnownMessage): Replan {
  return m.status === 'queued' && m.kind !== 'cancelled'
    ? { action: 'cancel', reason: 'session_cancelled' }
    : { action: 'keep' };
}

/**
 * Whether a member who was told of the session must be told of its move or cancellation: only
 * those whose invitation (or a reminder) actually went out, or is going out.
 */
export function wasTold(messages: readonly KnownMessage[]): boolean {
  return messages.some(
    (m) =>
      m.kind !== 'cancelled' &&
      m.kind !== 'rescheduled' &&
      !isReflectionReminder(m.kind) &&
      (m.status === 'sent' || m.status === 'sending'),
  );
}

export type SendCheck = { send: true } | { send: false; reason: 'expired' | 'session_closed' };

/** Checked just before sending: the message is still worth it. Notices go whatever the state. */
export function checkBeforeSending(
  m: { kind: NotificationKind; expiresAt: Date },
  state: SessionState,
  now: Date,
): SendCheck {
  if (now > m.expiresAt) return { send: false, reason: 'expired' };
  if (m.kind === 'cancelled' || m.kind === 'rescheduled') return { send: true };
  // Reflections are written after the session: their reminders go unless it was cancelled.
  if (isReflectionReminder(m.kind))
    return state === 'cancelled' ? { send: false, reason: 'session_closed' } : { send: true };
  return sessionTakesMessages(state) ? { send: true } : { send: false, reason: 'session_closed' };
}
