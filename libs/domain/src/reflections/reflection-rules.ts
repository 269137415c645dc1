/**
 * A member's reflection ("bài thu hoạch") on a session, and what may be done with it when.
 *
 * - draft: written, never submitted. The member edits and submits until the deadline (the deadline
 *   itself still counts: "by 17:00" accepts 17:00:00.000).
 * - submitted: handed in, waiting for the secretary. The member may keep editing until the deadline;
 *   the text they submitted stays what the secretary reads until they submit again.
 * - revision_requested: the secretary asked for changes. Editing is open again, deadline or not,
 *   until the member submits again.
 * - graded: reviewed with a grade. Closed for the member; the secretary may correct the grade.
 */
import type { ReflectionState } from '@hallbridge/contracts';

export type { ReflectionState };

/** Why a member may not change their reflection now. */
export type ReflectionClosedReason = 'reflections_off' | 'after_deadline' | 'graded';

export interface ReflectionWindow {
  enabled: boolean;
  deadline: Date | number;
  now: Date | number;
}

const ms = (d: Date | number) => (typeof d === 'number' ? d : d.getTime());

export function isBeforeDeadline(deadline: Date | number, now: Date | number): boolean {
  return ms(now) <= ms(deadline);
}

/** May the member change their reflection (write, autosave, attach) now? `null` means yes. */
export function reflectionClosedReason(
  state: ReflectionState | null,
  window: ReflectionWindow,
): ReflectionClosedReason | null {
  if (!window.enabled) return 'reflections_off';
  if (state === 'graded') return 'graded';
  if (state === 'revision_requested') return null;
  return isBeforeDeadline(window.deadline, window.now) ? null : 'after_deadline';
}

export type SubmitRefusal = ReflectionClosedReason | 'too_short' | 'already_submitted';

/**
 * May the member submit this text now? A submitted reflection can be submitted again only when it
 * changed since (otherwise there is nothing new to hand in).
 */
export function submitRefusal(input: {
  state: ReflectionState | null;
  window: ReflectionWindow;
  words: number;
  minWords: number;
  /** The text has changed since it was last submitted (always true for a draft). */
  changedSinceSubmit: boolean;
}): SubmitRefusal | null {
  const closed = reflectionClosedReason(input.state, input.window);
  if (closed) return closed;
  if (input.words < input.minWords) return 'too_short';
  if (input.state === 'submitted' && !input.changedSinceSubmit) return 'already_submitted';
  return null;
}

/**
 * Optimistic concurrency for autosave: a save carries the version it was written on. Only a save
 * on the current version is taken, so a draft kept in an old tab or on a phone that was offline
 * never overwrites text saved later from elsewhere.
 */
export function acceptsSave(currentVersion: number, baseVersion: number): boolean {
  return baseVersion === currentVersion;
}

/** What the member's browser does with the copy it kept locally, once it hears from the server. */
export type LocalDraftAction = 'discard' | 'keep_and_send' | 'server_is_newer';

export function reconcileLocalDraft(
  local: { baseVersion: number; body: string } | null,
  server: { version: number; body: string },
): LocalDraftAction {
  if (!local || local.body === server.body) return 'discard';
  return local.baseVersion === server.version ? 'keep_and_send' : 'server_is_newer';
}

export type ReviewDecision = 'grade' | 'revise';

/** The secretary reviews what was submitted: a first grade, a corrected grade, or a request to revise. */
export function reviewRefusal(state: ReflectionState | null): 'not_submitted' | null {
  return state === 'submitted' || state === 'graded' ? null : 'not_submitted';
}

export function stateAfterReview(decision: ReviewDecision): ReflectionState {
  return decision === 'grade' ? 'graded' : 'revision_requested';
}

export function stateAfterSubmit(): ReflectionState {
  return 'submitted';
}

/** A reflection counts as handed in once submitted, also while being revised or once graded. */
export function isHandedIn(state: ReflectionState | null): boolean {
  return state === 'submitted' || state === 'revision_requested' || state === 'graded';
}
