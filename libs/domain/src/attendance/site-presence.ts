import { intersectSpans, type PresenceInterval, type TimeSpan } from './presence-intervals';

/**
 * One interval of a member's presence and where it came from: their own device (socket or LiveKit
 * participant, `online`) or a district room they checked in at (`site`).
 */
export type MemberPresenceInterval = PresenceInterval &
  ({ source: 'online' } | { source: 'site'; siteId: string });

/**
 * A member recorded in a district room: by scanning the room's rotating code (`at` = scan time) or
 * ticked by the secretary (`at` = the time the secretary vouches for; the session start when the
 * member sat there from the beginning). `leftAt` is set only when a departure was recorded.
 */
export interface SiteCheckIn {
  siteId: string;
  at: number;
  leftAt?: number | null;
}

const OPEN = Number.POSITIVE_INFINITY;
const toSpan = (i: PresenceInterval): TimeSpan => ({ start: i.start, end: i.end ?? OPEN });

/**
 * A member checked in at a site is present for the time that site is connected, from the check-in
 * until they leave (or the site disconnects). `siteConnections` are the room device's own intervals,
 * by site id; close stale ones first with `closeStale`. The result stays open (end null) while both
 * the stay and the room's connection are open. A check-in at a site with no connection yields nothing:
 * the room did not follow the session.
 */
export function sitePresence(
  checkIns: readonly SiteCheckIn[],
  siteConnections: ReadonlyMap<string, readonly PresenceInterval[]>,
): MemberPresenceInterval[] {
  const out: MemberPresenceInterval[] = [];
  for (const checkIn of checkIns) {
    const stay: TimeSpan = { start: checkIn.at, end: checkIn.leftAt ?? OPEN };
    const connected = (siteConnections.get(checkIn.siteId) ?? []).map(toSpan);
    for (const span of intersectSpans([stay], connected)) {
      out.push({
        source: 'site',
        siteId: checkIn.siteId,
        start: span.start,
        end: span.end === OPEN ? null : span.end,
      });
    }
  }
  return out;
}
