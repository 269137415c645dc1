import type { LiveAck } from '@hallbridge/contracts';
import { snapshotFor, type LiveActor, type RoomState } from '@hallbridge/domain';
import type { LiveConnection } from '../live/live-connection';

/** What a viewer's browser holds of a room the domain built (staff see all, others what is public). */
export const snapshotOf = (room: RoomState, viewer: LiveActor) =>
  snapshotFor(room, { key: viewer.key, audience: viewer.isStaff ? 'staff' : 'public' });

/**
 * A connection that records the commands a component sends and answers each with `answer` (accepted
 * unless told otherwise); the real one is tested against the API in test/int/live-connection.int-spec.ts.
 */
export function recordingConnection(answer: LiveAck = { ok: true, seq: 1 }) {
  const sent: { name: string; payload: unknown }[] = [];
  const connection = {
    send: (name: string, payload: unknown) => {
      sent.push({ name, payload });
      return Promise.resolve(answer);
    },
  } as unknown as LiveConnection;
  return { connection, sent };
}
