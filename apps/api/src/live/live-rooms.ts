import type { LiveAck, LiveCommand, LiveCommandName, Participant } from '@hallbridge/contracts';
import type { Audience, LiveActor, RoomFact, snapshotFor } from '@hallbridge/domain';
import type { Server } from 'socket.io';
import type { RoomRuntime } from './room-runtime';

export const roomChannel = (sessionId: string, audience: Audience) => `live:${sessionId}:${audience}`;
export const personalChannel = (sessionId: string, key: string) => `live:${sessionId}:p:${key}`;

/**
 * The live state of every session: the one seam between the realtime core and where rooms are kept.
 * A room is the fold of its fact log (stored in the database) and each change gets the next
 * per-session sequence number. `InMemoryLiveRooms` keeps each room in this process, which is the
 * embedded default and one app instance. An implementation for several instances (Redis: a shared
 * sequence, facts fanned out to every instance's copy, presence merged) replaces it without
 * touching the gateway, the REST services or the media floor sync, which see only this class.
 */
export abstract class LiveRooms {
  /** Where events are broadcast (the gateway's socket.io server). */
  abstract attach(server: Server): void;
  /** The room of a session, loaded from its fact log the first time it is needed. */
  abstract open(sessionId: string): Promise<RoomRuntime>;
  /** Decides, stores, broadcasts and acknowledges one command; a retried command id runs once. */
  abstract execute<N extends LiveCommandName>(
    actor: LiveActor,
    name: N,
    payload: LiveCommand<N>,
    language?: string,
  ): Promise<LiveAck>;
  /** Facts that come from outside the room's commands (the REST state machine). */
  abstract record(sessionId: string, actorKey: string, facts: RoomFact[]): Promise<void>;
  /** A socket of a participant entered or left the room. */
  abstract connect(runtime: RoomRuntime, participant: Participant, socketId: string): void;
  abstract disconnect(runtime: RoomRuntime, key: string, socketId: string, lastSeenAt?: number): void;
  /** What one participant may see of the room now. */
  abstract snapshot(runtime: RoomRuntime, key: string, audience: Audience): ReturnType<typeof snapshotFor>;
  /** Forgets the kept copy of a room: the next access rebuilds it from the fact log. */
  abstract unload(sessionId: string): void;
}
