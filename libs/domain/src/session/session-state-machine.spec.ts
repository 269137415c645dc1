import type { SessionAction, SessionState } from '@hallbridge/contracts';
import { DomainError } from '../domain-error';
import { assertEditable, availableActions, transition, type TransitionActor } from './session-state-machine';

const organiser: TransitionActor = { role: 'organiser', managesHostUnit: true, presentsSession: false };
const outsideOrganiser: TransitionActor = {
  role: 'organiser',
  managesHostUnit: false,
  presentsSession: false,
};
const presenter: TransitionActor = { role: 'presenter', managesHostUnit: false, presentsSession: true };
const otherPresenter: TransitionActor = { role: 'presenter', managesHostUnit: false, presentsSession: false };
const secretary: TransitionActor = { role: 'secretary', managesHostUnit: true, presentsSession: false };
const member: TransitionActor = { role: 'member', managesHostUnit: false, presentsSession: false };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
  return undefined;
}

describe('session state machine', () => {
  it('walks the whole life of a session', () => {
    let state: SessionState = 'scheduled';
    for (const [action, next] of [
      ['start', 'live'],
      ['end', 'ended'],
      ['close_attendance', 'attendance_closed'],
      ['reopen_attendance', 'ended'],
      ['close_attendance', 'attendance_closed'],
    ] as [SessionAction, SessionState][]) {
      state = transition(state, action, organiser);
      expect(state).toBe(next);
    }
  });

  it('cancels only a session that has not started', () => {
    expect(transition('scheduled', 'cancel', organiser)).toBe('cancelled');
    expect(codeOf(() => transition('live', 'cancel', organiser))).toBe('INVALID_TRANSITION');
  });

  it.each([
    ['scheduled', 'end'],
    ['scheduled', 'close_attendance'],
    ['live', 'start'],
    ['ended', 'start'],
    ['ended', 'reopen_attendance'],
    ['attendance_closed', 'end'],
    ['cancelled', 'start'],
  ] as [SessionState, SessionAction][])('refuses %s → %s', (state, action) => {
    expect(codeOf(() => transition(state, action, organiser))).toBe('INVALID_TRANSITION');
  });

  it('lets the session presenter start and end but not close attendance or cancel', () => {
    expect(transition('scheduled', 'start', presenter)).toBe('live');
    expect(transition('live', 'end', presenter)).toBe('ended');
    expect(codeOf(() => transition('ended', 'close_attendance', presenter))).toBe('FORBIDDEN');
    expect(codeOf(() => transition('scheduled', 'cancel', presenter))).toBe('FORBIDDEN');
  });

  it('checks permission before state, so outsiders learn nothing about the session', () => {
    expect(codeOf(() => transition('live', 'start', member))).toBe('FORBIDDEN');
    expect(codeOf(() => transition('scheduled', 'start', otherPresenter))).toBe('FORBIDDEN');
    expect(codeOf(() => transition('scheduled', 'start', outsideOrganiser))).toBe('FORBIDDEN');
    expect(codeOf(() => transition('scheduled', 'start', secretary))).toBe('FORBIDDEN');
  });

  it('lists the actions an actor can take now', () => {
    expect(availableActions('scheduled', organiser).sort()).toEqual(['cancel', 'start']);
    expect(availableActions('scheduled', presenter)).toEqual(['start']);
    expect(availableActions('ended', presenter)).toEqual([]);
    expect(availableActions('attendance_closed', organiser)).toEqual(['reopen_attendance']);
    expect(availableActions('live', member)).toEqual([]);
  });

  it('freezes times and invitations once live, and everything once closed', () => {
    expect(() => assertEditable('scheduled', ['startsAt', 'invitedUnitIds'])).not.toThrow();
    expect(() => assertEditable('live', ['title', 'description', 'presenterIds'])).not.toThrow();
    expect(codeOf(() => assertEditable('live', ['startsAt']))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertEditable('ended', ['invitedUnitIds']))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertEditable('attendance_closed', ['title']))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertEditable('cancelled', ['title']))).toBe('INVALID_TRANSITION');
  });
});
