import type { Participant, RoomFact, RoomFactType } from '@hallbridge/contracts';

/**
 * What happened in a live room, with everything needed to replay it. Facts are stored in order
 * (one sequence per session) and folded into the room's state; clients get projections of them.
 * Their stored shape is versioned in libs/contracts (live-facts.ts).
 */
export type { RoomFact, RoomFactType };

/** The parts of a participant a fact needs to keep (names are kept as they were at the time). */
export type ParticipantRef = Pick<Participant, 'key' | 'role' | 'name' | 'unitName'>;

export interface StoredFact {
  seq: number;
  at: number;
  /** Who caused it (participant key), for the record. */
  actorKey: string;
  /** The client's id of the command that made it (none for the REST state machine's facts). */
  commandId?: string | null;
  fact: RoomFact;
}
