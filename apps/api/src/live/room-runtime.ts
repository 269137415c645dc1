import type { Participant } from '@hallbridge/contracts';
import { applyFact, createRoom, EventBuffer, type RoomState, type StoredFact } from '@hallbridge/domain';

const REMEMBERED_COMMANDS = 5000;

/** How a command ended: applied (with the room's sequence number then), or refused or failed. */
export type Outcome = { ok: true; seq: number } | { ok: false; error: unknown };

/** A command is known by who sent it and the id their client gave it (ids are per person, not per room). */
export const commandKey = (actorKey: string, commandId: string) => `${actorKey}|${commandId}`;

/** A room's connections in this process and, added up, on the other instances. */
export class RoomPresence {
  /** participant key → open socket ids (in this process). */
  readonly sockets = new Map<string, Set<string>>();
  /** Participants connected to other app instances: instance id → key → participant with its count there. */
  readonly elsewhere = new Map<string, Map<string, Participant>>();
  /** Changes not yet announced to the room. */
  readonly upserts = new Map<string, Participant>();
  readonly removals = new Set<string>();
  timer: NodeJS.Timeout | null = null;
}

/**
 * One live room held in memory. `room` is what the database has (snapshots, events and catch-up
 * read it); `working` is `room` plus the facts of the round being stored, and commands are decided
 * against it, so a command sees the ones before it in the same round. When a round cannot be
 * stored, `working` is set back to `room` and nobody ever saw the difference.
 */
export class RoomRuntime {
  readonly buffer = new EventBuffer();
  working: RoomState;
  readonly presence = new RoomPresence();
  readonly pendingTallies = new Set<string>();
  tallyTimer: NodeJS.Timeout | null = null;
  /** Answers to recent commands (commandKey → outcome): successes and refusals, never transient failures. */
  private readonly results = new Map<string, Outcome>();

  constructor(
    readonly room: RoomState,
    readonly hostUnitPath: string,
    readonly presenterIds: string[],
  ) {
    this.working = room;
    this.rollBack();
  }

  static empty(sessionId: string, state: RoomState['state'], hostUnitPath: string, presenterIds: string[]) {
    return new RoomRuntime(createRoom(sessionId, state), hostUnitPath, presenterIds);
  }

  /** Folds a stored fact into the room (and into `working` unless a round is ahead of it). */
  applyStored(entry: StoredFact): void {
    const aligned = this.working.seq === this.room.seq;
    applyFact(this.room, entry);
    if (aligned) applyFact(this.working, entry);
    if (entry.commandId)
      this.remember(commandKey(entry.actorKey, entry.commandId), { ok: true, seq: entry.seq });
  }

  /** Applies a fact of the round being decided (stored, it goes through applyStored). */
  applyWorking(entry: StoredFact): void {
    applyFact(this.working, entry);
  }

  /** Forgets whatever `working` holds beyond what is stored. */
  rollBack(): void {
    const { participants, ...rest } = this.room;
    this.working = { ...structuredClone(rest), participants };
  }

  answered(key: string): Outcome | undefined {
    return this.results.get(key);
  }

  remember(key: string, outcome: Outcome): void {
    this.results.delete(key);
    this.results.set(key, outcome);
    if (this.results.size > REMEMBERED_COMMANDS) this.results.delete(this.results.keys().next().value!);
  }

  dispose(): void {
    if (this.tallyTimer) clearTimeout(this.tallyTimer);
    if (this.presence.timer) clearTimeout(this.presence.timer);
  }
}
