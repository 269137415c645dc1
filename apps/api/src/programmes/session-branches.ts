import type { Tx } from '../database/prisma.service';
import type { SessionRow } from '../sessions/session-view';

/** The branches a session invites: every branch at or under an invited unit, by name. */
export async function invitedBranches(tx: Tx, session: SessionRow) {
  const paths = session.invitations.map((i) => i.unit.path);
  if (paths.length === 0) return [];
  const branches = await tx.unit.findMany({
    where: { kind: 'branch', OR: paths.map((p) => ({ path: { startsWith: p } })) },
    select: { id: true, name: true, path: true, participationTarget: true },
  });
  return branches.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Today as yyyy-mm-dd in the organisation's time zone (an action due today is not late yet). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
