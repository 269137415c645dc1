import { isWithin, type Actor } from '../access/scope';

/**
 * Who reads and reviews reflections: the member their own; the branch secretary (and organisers
 * above the branch) those of members under their unit. Presenters and room screens none.
 */
export function canReviewReflections(actor: Actor, memberUnitPath: string): boolean {
  return (actor.role === 'secretary' || actor.role === 'organiser') && isWithin(memberUnitPath, actor.unitId);
}

/** The branch's programme is drafted by its secretary, or by an organiser above the branch. */
export function canDraftProgramme(actor: Actor, branchPath: string): boolean {
  return (actor.role === 'secretary' || actor.role === 'organiser') && isWithin(branchPath, actor.unitId);
}

/** Members read (and comment on) their own branch's programme; staff who draft it read it too. */
export function canReadProgramme(actor: Actor, actorUnitPath: string, branchPath: string): boolean {
  if (actor.role === 'member') return actorUnitPath.startsWith(branchPath);
  return canDraftProgramme(actor, branchPath);
}
