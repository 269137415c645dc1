import type { CheckInMethod } from '@hallbridge/contracts';
import { intersectSpans, mergeSpans, type PresenceInterval, type TimeSpan } from './presence-intervals';

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
  /** `roster`: ticked by a person who vouches for `at`; `code` (the default): scanned. */
  method?: CheckInMethod;
}

const OPEN = Number.POSITIVE_INFINITY;
const toSpan = (i: PresenceInterval): TimeSpan => ({ start: i.start, end: i.end ?? OPEN });

/**
 * A member checked in at a site is present for the time that site is connected, from the check-in
 * until they leave (or the site disconnects). `siteConnections` are the room device's own intervals,
 * by site id; close stale ones first with `closeStale`. The result stays open (end null) while both
 * the stay and the room's connection are open. A check-in at a site with no connection during the
 * stay yields nothing: the room did not follow the session.
 *
 * A tick on the roster is a person's word for when the member sat down ("from the start of the
 * session"), so it also counts the time before the room's screen first connected during the stay: a
 * screen switched on late does not make the people already sitting there late. Later gaps in the
 * room's connection do not count, for ticks and scans alike.
 */
export function sitePresence(
  checkIns: readonly SiteCheckIn[],
  siteConnections: ReadonlyMap<string, readonly PresenceInterval[]>,
): MemberPresenceInterval[] {
  const out: MemberPresenceInterval[] = [];
  for (const checkIn of checkIns) {
    const stay: TimeSpan = { start: checkIn.at, end: checkIn.leftAt ?? OPEN };
    const connected = (siteConnections.get(checkIn.siteId) ?? []).map(toSpan);
    const followed = intersectSpans([stay], connected);
    const firstConnected = followed[0]?.start;
    const spans =
      checkIn.method === 'roster' && firstConnected !== undefined && firstConnected > stay.start
        ? mergeSpans([{ start: stay.start, end: firstConnected }, ...followed])
        : followed;
    for (const span of spans) {
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
