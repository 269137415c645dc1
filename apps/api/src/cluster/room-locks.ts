/** What a turn knows of the room's sequence number before it starts. */
export type SeqHint =
  /** One process: this copy of the room is the only one, nothing to catch up. */
  | { kind: 'alone' }
  /** The sequence number the previous turn (of any instance) left. */
  | { kind: 'recorded'; seq: number }
  /** Not known (Redis lost it, or never had it): read the fact log to be sure. */
  | { kind: 'unknown' };

export interface Turn<T> {
  value: T;
  /** The room's sequence number after the turn, recorded for the next one (null: leave it as it was). */
  seq: number | null;
}

/**
 * Changes to a live room take turns: one instance at a time decides and stores a room's commands.
 * In one process the command pipeline already runs a room's rounds one after another, so a turn
 * is just the round; several instances take a lock in Redis.
 */
export abstract class RoomLocks {
  /**
   * Runs `turn` while no other instance changes the room. Throws DomainError UNAVAILABLE when the
   * turn cannot be taken safely (Redis unreachable, another instance holding the room too long).
   */
  abstract turn<T>(sessionId: string, turn: (since: SeqHint) => Promise<Turn<T>>): Promise<T>;
}

export class LocalRoomLocks extends RoomLocks {
  async turn<T>(_sessionId: string, turn: (since: SeqHint) => Promise<Turn<T>>): Promise<T> {
    return (await turn({ kind: 'alone' })).value;
  }
}
