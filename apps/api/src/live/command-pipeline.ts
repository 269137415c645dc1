import { Injectable } from '@nestjs/common';
import { DomainError, type RoomFact, type RoomState, type StoredFact } from '@hallbridge/domain';
import { RoomLocks, type SeqHint } from '../cluster/room-locks';
import { FactsNotStored, LiveFactStore } from './live-fact.store';
import { RoomCache } from './room-cache';
import { RoomEvents } from './room-events';
import { commandKey, type Outcome, type RoomRuntime } from './room-runtime';

/** One command (or the REST state machine's facts) waiting for its room's next round. */
export interface Job {
  actorKey: string;
  /** The client's id; null for facts that are not a client's command. */
  commandId: string | null;
  /** The facts it makes in this state of the room; throws DomainError to refuse. */
  decide(room: RoomState, now: number): RoomFact[];
  answer(outcome: Outcome): void;
}

/** Commands waiting for one room beyond this are refused: the room cannot keep up. */
const MAX_QUEUED = 10_000;
/** A round that finds another instance stored first reads the log and decides again, this often at most. */
const CONFLICT_RETRIES = 3;

const failed = (error: unknown): Outcome => ({ ok: false, error });

/**
 * Runs a room's commands in rounds: every command that arrived while the previous round was being
 * stored is decided one after another against the room (each sees the ones before it), and the
 * facts of the whole round are stored in one write (group commit, across rooms too), then
 * broadcast and acknowledged. Nobody sees a change the database does not have.
 *
 * When a round cannot be stored, the room is set back to what is stored and:
 * - the database refused a row: each command of the round runs again alone, so only the one
 *   whose fact is refused fails (NOT_STORED) and the others are applied;
 * - another instance stored first (a lapsed lock): the room catches up from the log and the round
 *   is decided again;
 * - the database (or Redis) is unavailable: every command of the round fails with UNAVAILABLE,
 *   nothing is half written, and the next round tries again.
 * Answers that a retry must get again (successes and refusals by the rules) are remembered per
 * person; transient failures are not, so a retry after one runs afresh.
 */
@Injectable()
export class CommandPipeline {
  private readonly queues = new Map<string, Job[]>();

  constructor(
    private readonly cache: RoomCache,
    private readonly store: LiveFactStore,
    private readonly locks: RoomLocks,
    private readonly events: RoomEvents,
  ) {}

  run(sessionId: string, job: Job): void {
    const queue = this.queues.get(sessionId);
    if (queue) {
      if (queue.length >= MAX_QUEUED) return job.answer(failed(new DomainError('RATE_LIMITED')));
      queue.push(job);
      return;
    }
    this.queues.set(sessionId, [job]);
    void this.drain(sessionId);
  }

  private async drain(sessionId: string): Promise<void> {
    const queue = this.queues.get(sessionId)!;
    while (queue.length) await this.round(sessionId, queue.splice(0));
    this.queues.delete(sessionId);
  }

  private async round(sessionId: string, jobs: Job[]): Promise<void> {
    try {
      await this.locks.turn(sessionId, async (since) => {
        const runtime = await this.cache.open(sessionId);
        await this.decideAndStore(runtime, jobs, since);
        return { value: undefined, seq: runtime.room.seq };
      });
    } catch (error) {
      // The turn could not be taken, or the room could not be loaded: nothing was decided.
      for (const job of jobs) job.answer(failed(error));
    }
  }

  private async decideAndStore(runtime: RoomRuntime, jobs: Job[], since: SeqHint): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await this.cache.catchUp(runtime, since);
      const outcome = await this.attempt(runtime, jobs);
      if (outcome !== 'conflict') return;
      if (attempt >= CONFLICT_RETRIES) {
        return jobs.forEach((job) => job.answer(failed(new DomainError('UNAVAILABLE'))));
      }
      since = { kind: 'unknown' };
    }
  }

  /** One try at a round; 'conflict' when another instance stored first and it must be decided again. */
  private async attempt(runtime: RoomRuntime, jobs: Job[]): Promise<'done' | 'conflict'> {
    const room = runtime.working;
    const now = Date.now();
    const decided: { job: Job; stored: StoredFact[] }[] = [];
    for (const job of jobs) {
      const key = job.commandId && commandKey(job.actorKey, job.commandId);
      const earlier = key ? runtime.answered(key) : undefined;
      if (earlier) {
        job.answer(earlier);
        continue;
      }
      let facts: RoomFact[];
      try {
        facts = job.decide(room, now);
      } catch (error) {
        // A refusal by the rules is the answer to every retry; anything else may pass next time.
        if (key && error instanceof DomainError) runtime.remember(key, failed(error));
        job.answer(failed(error));
        continue;
      }
      const stored = facts.map((fact, i) => ({
        seq: room.seq + 1 + i,
        at: now,
        actorKey: job.actorKey,
        commandId: job.commandId,
        fact,
      }));
      stored.forEach((entry) => runtime.applyWorking(entry));
      decided.push({ job, stored });
    }
    const all = decided.flatMap((d) => d.stored);
    try {
      await this.store.append(runtime.room.sessionId, all);
    } catch (error) {
      runtime.rollBack();
      const kind = error instanceof FactsNotStored ? error.kind : 'unavailable';
      if (kind === 'conflict') return 'conflict';
      if (kind === 'rejected' && decided.length > 1) {
        // Someone's fact was refused: each command again on its own, so only that one fails.
        for (const { job } of decided) await this.decideAndStore(runtime, [job], { kind: 'alone' });
        return 'done';
      }
      const reason = new DomainError(kind === 'rejected' ? 'NOT_STORED' : 'UNAVAILABLE');
      for (const { job } of decided) job.answer(failed(reason));
      return 'done';
    }
    if (all.length) {
      this.events.commit(runtime, all);
      this.cache.facts.publish({ sessionId: runtime.room.sessionId, facts: all });
    }
    for (const { job, stored } of decided) {
      const done: Outcome = { ok: true, seq: stored.at(-1)?.seq ?? runtime.room.seq };
      if (job.commandId) runtime.remember(commandKey(job.actorKey, job.commandId), done);
      job.answer(done);
    }
    return 'done';
  }
}
