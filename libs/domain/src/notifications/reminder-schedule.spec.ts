import type { SessionState } from '@hallbridge/contracts';
import {
  checkBeforeSending,
  planMessages,
  reminderWindow,
  replanOnCancel,
  replanOnMove,
  wasTold,
} from './reminder-schedule';

const H = 3600_000;
const at = (iso: string) => new Date(iso);
// A two-hour session on 10 December at 08:00 (UTC+7: 01:00 UTC).
const session = {
  startsAt: at('2026-12-10T01:00:00Z'),
  endsAt: at('2026-12-10T03:00:00Z'),
  state: 'scheduled' as SessionState,
};
const kinds = (now: Date, s = session) => planMessages(s, now).map((m) => m.kind);

describe('reminder schedule', () => {
  it('puts the reminders a day before, an hour before and at the start, each lapsing when the next takes over', () => {
    expect(reminderWindow('reminder_day', session)).toEqual({
      dueAt: at('2026-12-09T01:00:00Z'),
      expiresAt: at('2026-12-10T00:00:00Z'),
    });
    expect(reminderWindow('reminder_hour', session)).toEqual({
      dueAt: at('2026-12-10T00:00:00Z'),
      expiresAt: at('2026-12-10T01:00:00Z'),
    });
    expect(reminderWindow('reminder_start', session)).toEqual({
      dueAt: at('2026-12-10T01:00:00Z'),
      expiresAt: at('2026-12-10T01:30:00Z'),
    });
    // A 20-minute session: the start reminder lapses at its end.
    const short = { startsAt: session.startsAt, endsAt: new Date(session.startsAt.getTime() + H / 3) };
    expect(reminderWindow('reminder_start', short).expiresAt).toEqual(short.endsAt);
  });

  it('invites at once and plans every reminder for a session days ahead', () => {
    const now = at('2026-12-05T09:00:00Z');
    const plan = planMessages(session, now);
    expect(plan.map((m) => m.kind)).toEqual([
      'invitation',
      'reminder_day',
      'reminder_hour',
      'reminder_start',
    ]);
    expect(plan[0]).toEqual({ kind: 'invitation', dueAt: now, expiresAt: session.endsAt });
  });

  it('skips the reminders whose time has passed or that would only repeat the invitation', () => {
    // Invited 23 hours before: no day-before reminder.
    expect(kinds(new Date(session.startsAt.getTime() - 23 * H))).toEqual([
      'invitation',
      'reminder_hour',
      'reminder_start',
    ]);
    // Invited 25 hours before: the day-before reminder would come an hour later; it is still worth it at 2 h.
    expect(kinds(new Date(session.startsAt.getTime() - 25 * H))).toEqual([
      'invitation',
      'reminder_hour',
      'reminder_start',
    ]);
    expect(kinds(new Date(session.startsAt.getTime() - 26 * H))).toContain('reminder_day');
    // Invited 70 minutes before: the hour-before reminder would follow 10 minutes later.
    expect(kinds(new Date(session.startsAt.getTime() - 70 * 60_000))).toEqual([
      'invitation',
      'reminder_start',
    ]);
    // Invited 10 minutes before the start, and at the very start: the start reminder still goes.
    expect(kinds(new Date(session.startsAt.getTime() - 10 * 60_000))).toEqual([
      'invitation',
      'reminder_start',
    ]);
    expect(kinds(session.startsAt)).toEqual(['invitation', 'reminder_start']);
    // Added to a branch while the session runs: only the invitation.
    expect(kinds(new Date(session.startsAt.getTime() + H))).toEqual(['invitation']);
  });

  it('plans nothing once the session has ended, or for one that is not ahead or running', () => {
    expect(kinds(session.endsAt)).toEqual([]);
    expect(kinds(at('2026-12-05T00:00:00Z'), { ...session, state: 'cancelled' })).toEqual([]);
    expect(kinds(at('2026-12-05T00:00:00Z'), { ...session, state: 'ended' })).toEqual([]);
    expect(kinds(session.startsAt, { ...session, state: 'live' })).toEqual(['invitation', 'reminder_start']);
  });
});

describe('a session moved', () => {
  const now = at('2026-12-05T09:00:00Z');
  const later = { startsAt: at('2026-12-17T01:00:00Z'), endsAt: at('2026-12-17T03:00:00Z') };

  it('moves a waiting reminder to the new time', () => {
    expect(replanOnMove({ kind: 'reminder_day', status: 'queued' }, later, now)).toEqual({
      action: 'move',
      window: reminderWindow('reminder_day', later),
    });
  });

  it('sends an already sent reminder again for the new time, when that is ahead', () => {
    const sentDay = { kind: 'reminder_day' as const, status: 'sent' as const };
    expect(replanOnMove(sentDay, later, now)).toEqual({
      action: 'requeue',
      window: reminderWindow('reminder_day', later),
    });
    expect(replanOnMove({ kind: 'reminder_hour', status: 'failed' }, later, now).action).toBe('requeue');
  });

  it('drops a waiting reminder whose new time is already past, and keeps a sent one', () => {
    // Brought forward to start in 30 minutes: the day-before and hour-before reminders are past.
    const sooner = {
      startsAt: new Date(now.getTime() + 30 * 60_000),
      endsAt: new Date(now.getTime() + 150 * 60_000),
    };
    expect(replanOnMove({ kind: 'reminder_day', status: 'queued' }, sooner, now)).toEqual({
      action: 'cancel',
      reason: 'rescheduled_past',
    });
    expect(replanOnMove({ kind: 'reminder_day', status: 'sent' }, sooner, now)).toEqual({ action: 'keep' });
    expect(replanOnMove({ kind: 'reminder_start', status: 'queued' }, sooner, now).action).toBe('move');
  });

  it('leaves invitations, notices and a message being sent alone', () => {
    for (const kind of ['invitation', 'rescheduled', 'cancelled'] as const)
      expect(replanOnMove({ kind, status: 'queued' }, later, now)).toEqual({ action: 'keep' });
    expect(replanOnMove({ kind: 'reminder_hour', status: 'sending' }, later, now)).toEqual({
      action: 'keep',
    });
  });
});

describe('a session cancelled', () => {
  it('drops whatever still waits, but not the cancellation notice', () => {
    expect(replanOnCancel({ kind: 'reminder_hour', status: 'queued' })).toEqual({
      action: 'cancel',
      reason: 'session_cancelled',
    });
    expect(replanOnCancel({ kind: 'invitation', status: 'queued' }).action).toBe('cancel');
    expect(replanOnCancel({ kind: 'invitation', status: 'sent' })).toEqual({ action: 'keep' });
    expect(replanOnCancel({ kind: 'cancelled', status: 'queued' })).toEqual({ action: 'keep' });
  });

  it('tells of a move or a cancellation only those who had been told of the session', () => {
    expect(wasTold([{ kind: 'invitation', status: 'sent' }])).toBe(true);
    expect(
      wasTold([
        { kind: 'invitation', status: 'failed' },
        { kind: 'reminder_day', status: 'sent' },
      ]),
    ).toBe(true);
    expect(wasTold([{ kind: 'invitation', status: 'queued' }])).toBe(false);
    expect(
      wasTold([
        { kind: 'invitation', status: 'failed' },
        { kind: 'rescheduled', status: 'sent' },
      ]),
    ).toBe(false);
    // A reflection reminder is about the reflection, not the session's time.
    expect(
      wasTold([
        { kind: 'invitation', status: 'failed' },
        { kind: 'reflection_last', status: 'sent' },
      ]),
    ).toBe(false);
  });
});

describe('just before sending', () => {
  const day = { kind: 'reminder_day' as const, expiresAt: at('2026-12-10T00:00:00Z') };

  it('sends a message still in time for a session ahead or running', () => {
    expect(checkBeforeSending(day, 'scheduled', at('2026-12-09T01:00:00Z'))).toEqual({ send: true });
    expect(
      checkBeforeSending({ ...day, kind: 'reminder_start' }, 'live', at('2026-12-09T23:00:00Z')),
    ).toEqual({ send: true });
  });

  it('drops one that lapsed (the server was down at its time) or whose session closed', () => {
    expect(checkBeforeSending(day, 'scheduled', at('2026-12-10T00:00:01Z'))).toEqual({
      send: false,
      reason: 'expired',
    });
    expect(checkBeforeSending(day, 'cancelled', at('2026-12-09T01:00:00Z'))).toEqual({
      send: false,
      reason: 'session_closed',
    });
    expect(checkBeforeSending(day, 'ended', at('2026-12-09T01:00:00Z'))).toEqual({
      send: false,
      reason: 'session_closed',
    });
  });

  it('still sends the notice of a cancellation', () => {
    expect(
      checkBeforeSending(
        { kind: 'cancelled', expiresAt: day.expiresAt },
        'cancelled',
        at('2026-12-09T01:00:00Z'),
      ),
    ).toEqual({
      send: true,
    });
  });

  it('sends a reflection reminder after the session, but not for a cancelled one', () => {
    const reminder = { kind: 'reflection_last' as const, expiresAt: day.expiresAt };
    expect(checkBeforeSending(reminder, 'ended', at('2026-12-09T01:00:00Z'))).toEqual({ send: true });
    expect(checkBeforeSending(reminder, 'attendance_closed', at('2026-12-09T01:00:00Z'))).toEqual({
      send: true,
    });
    expect(checkBeforeSending(reminder, 'cancelled', at('2026-12-09T01:00:00Z'))).toEqual({
      send: false,
      reason: 'session_closed',
    });
    expect(checkBeforeSending(reminder, 'ended', at('2026-12-10T00:00:01Z'))).toEqual({
      send: false,
      reason: 'expired',
    });
  });
});
