import type { Role } from '@hallbridge/contracts';

/**
 * Units form a tree; each unit stores its materialised path "/root/…/self/". A unit is inside a
 * scope when the scope unit's id appears on its path.
 */
export function isWithin(unitPath: string, scopeUnitId: string): boolean {
  return unitPath.includes(`/${scopeUnitId}/`);
}

export function childPath(parentPath: string, unitId: string): string {
  return `${parentPath}${unitId}/`;
}

export interface Actor {
  role: Role;
  unitId: string;
  userId: string | null;
}

/** Units and staff accounts are the organisers' business. */
export function canManageUnit(actor: Actor, unitPath: string): boolean {
  return actor.role === 'organiser' && isWithin(unitPath, actor.unitId);
}

/** A branch secretary keeps the roster of their own branch; organisers of everything below them. */
export function canManageRoster(actor: Actor, unitPath: string): boolean {
  return (actor.role === 'organiser' || actor.role === 'secretary') && isWithin(unitPath, actor.unitId);
}

export function canReadRoster(actor: Actor, unitPath: string): boolean {
  return canManageRoster(actor, unitPath);
}

export function canManageSession(actor: Actor, hostUnitPath: string): boolean {
  return actor.role === 'organiser' && isWithin(hostUnitPath, actor.unitId);
}

export interface SessionScope {
  hostUnitPath: string;
  /** Paths of the invited units; each invitation covers the unit's whole subtree. */
  invitedUnitPaths: string[];
  presenterIds: string[];
}

/** The unit (member's branch, site's branch) is covered by one of the session's invitations. */
export function isInvited(unitPath: string, invitedUnitPaths: string[]): boolean {
  return invitedUnitPaths.some((invited) => unitPath.startsWith(invited));
}

/**
 * An organiser oversees a session when their scope holds its host or one of its invited units: they
 * watch its live room as staff and read the attendance of their part.
 */
export function overseesSession(actor: Actor, session: SessionScope): boolean {
  return (
    actor.role === 'organiser' &&
    (isWithin(session.hostUnitPath, actor.unitId) ||
      session.invitedUnitPaths.some((p) => isWithin(p, actor.unitId)))
  );
}

/**
 * Who may see a session: organisers who oversee it, and organisers whose own unit an invitation
 * covers (a branch's organiser sees what the branch's secretary sees); the session's presenters;
 * secretaries, members and sites whose unit is invited.
 */
export function canViewSession(actor: Actor, actorUnitPath: string, session: SessionScope): boolean {
  switch (actor.role) {
    case 'organiser':
      return overseesSession(actor, session) || isInvited(actorUnitPath, session.invitedUnitPaths);
    case 'presenter':
      return actor.userId !== null && session.presenterIds.includes(actor.userId);
    case 'secretary':
    case 'member':
    case 'site':
      return isInvited(actorUnitPath, session.invitedUnitPaths);
  }
}
