import type { LiveAck, Participant } from '@hallbridge/contracts';
import { createRoom, EventBuffer, type RoomState } from '@hallbridge/domain';

const REMEMBERED_COMMANDS = 5000;

/** One live room held in memory: its state, recent events, and what it needs to answer retries. */
export class RoomRuntime {
  readonly buffer = new EventBuffer();
  /** Results of recent commands by client command id, so a retry gets the same answer. */
  private readonly results = new Map<string, LiveAck>();
  private readonly inflight = new Map<string, Promise<LiveAck>>();
  /** participant key → open socket ids (in this process). */
  readonly sockets = new Map<string, Set<string>>();
  /** Participants connected to other app instances: instance id → key → participant with its count there. */
  readonly elsewhere = new Map<string, Map<string, Participant>>();
  readonly pendingTallies = new Set<string>();
  tallyTimer: NodeJS.Timeout | null = null;
  readonly presenceUpserts = new Map<string, Participant>();
  readonly presenceRemovals = new Set<string>();
  presenceTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly room: RoomState,
    readonly hostUnitPath: string,
    readonly presenterIds: string[],
  ) {}

  static empty(sessionId: string, state: RoomState['state'], hostUnitPath: string, presenterIds: string[]) {
    return new RoomRuntime(createRoom(sessionId, state), hostUnitPath, presenterIds);
  }

  /** Runs a command once per command id: a retry while it runs, or after, gets the same result. */
  once(commandId: string, run: () => Promise<LiveAck>): Promise<LiveAck> {
    const done = this.results.get(commandId);
    if (done) return Promise.resolve(done);
    const running = this.inflight.get(commandId);
    if (running) return running;
    const promise = run().then((ack) => {
      this.inflight.delete(commandId);
      this.results.set(commandId, ack);
      if (this.results.size > REMEMBERED_COMMANDS) this.results.delete(this.results.keys().next().value!);
      return ack;
    });
    this.inflight.set(commandId, promise);
    return promise;
  }

  dispose(): void {
    if (this.tallyTimer) clearTimeout(this.tallyTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
  }
}
