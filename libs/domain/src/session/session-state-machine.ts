import type { Role, SessionAction, SessionState } from '@hallbridge/contracts';
import { DomainError } from '../domain-error';

const transitions: Record<SessionAction, { from: SessionState; to: SessionState }> = {
  start: { from: 'scheduled', to: 'live' },
  cancel: { from: 'scheduled', to: 'cancelled' },
  end: { from: 'live', to: 'ended' },
  close_attendance: { from: 'ended', to: 'attendance_closed' },
  reopen_attendance: { from: 'attendance_closed', to: 'ended' },
};

/** Running the session is shared with its presenters; the record itself belongs to the organisers. */
const presenterActions: ReadonlySet<SessionAction> = new Set(['start', 'end']);

export interface TransitionActor {
  role: Role;
  /** The host unit lies inside the actor's scope. */
  managesHostUnit: boolean;
  /** The actor is one of the session's presenters. */
  presentsSession: boolean;
}

export function mayPerform(actor: TransitionActor, action: SessionAction): boolean {
  if (actor.role === 'organiser' && actor.managesHostUnit) return true;
  return actor.role === 'presenter' && actor.presentsSession && presenterActions.has(action);
}

export function availableActions(state: SessionState, actor: TransitionActor): SessionAction[] {
  return (Object.keys(transitions) as SessionAction[]).filter(
    (action) => transitions[action].from === state && mayPerform(actor, action),
  );
}

/** Checks permission, then the state; returns the state the session moves to. */
export function transition(state: SessionState, action: SessionAction, actor: TransitionActor): SessionState {
  if (!mayPerform(actor, action)) throw new DomainError('FORBIDDEN');
  const rule = transitions[action];
  if (rule.from !== state) throw new DomainError('INVALID_TRANSITION', { action, state });
  return rule.to;
}

/** Who is invited and when it happens are fixed once the session has started. */
const scheduleFields: ReadonlySet<string> = new Set(['startsAt', 'endsAt', 'invitedUnitIds', 'mode']);

/**
 * Which changes a session accepts in its state: everything while scheduled; wording, presenters
 * and attendance rules until attendance is closed; nothing after that or once cancelled.
 */
export function assertEditable(state: SessionState, fields: string[]): void {
  if (state === 'scheduled') return;
  if (state === 'live' || state === 'ended') {
    const fixed = fields.find((f) => scheduleFields.has(f));
    if (fixed) throw new DomainError('INVALID_TRANSITION', { action: `edit:${fixed}`, state });
    return;
  }
  if (fields.length) throw new DomainError('INVALID_TRANSITION', { action: 'edit', state });
}
