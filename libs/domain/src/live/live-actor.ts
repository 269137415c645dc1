import type { Role } from '@hallbridge/contracts';
import type { ParticipantRef } from './room-facts';

/** A participant as the live room sees them, with what the session lets them do. */
export interface LiveActor extends ParticipantRef {
  unitId: string;
  userId: string | null;
  siteId: string | null;
  /** Runs the room: one of the session's presenters, or an organiser managing its host unit. */
  isStaff: boolean;
  role: Role;
}

/** Participant keys: one per person or room, whatever the number of devices. */
export function participantKey(ids: {
  memberId?: string | null;
  userId?: string | null;
  siteId?: string | null;
}): string {
  if (ids.siteId) return `s:${ids.siteId}`;
  if (ids.memberId) return `m:${ids.memberId}`;
  if (ids.userId) return `u:${ids.userId}`;
  throw new Error('a participant needs a member, user or site id');
}

/** The ids a participant key names (the inverse of `participantKey`). */
export function participantIds(key: string): {
  memberId: string | null;
  userId: string | null;
  siteId: string | null;
} {
  const id = key.slice(2);
  return {
    memberId: key.startsWith('m:') ? id : null,
    userId: key.startsWith('u:') ? id : null,
    siteId: key.startsWith('s:') ? id : null,
  };
}

export const isAudience = (actor: LiveActor) => actor.role === 'member' || actor.role === 'site';

/** The part of a participant a fact keeps. */
export const toRef = (p: ParticipantRef): ParticipantRef => ({
  key: p.key,
  role: p.role,
  name: p.name,
  unitName: p.unitName,
});
