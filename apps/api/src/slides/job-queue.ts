/** Why a running job's signal was aborted: its key was cancelled, or the queue is shutting down. */
export class JobAborted extends Error {
  constructor(readonly why: 'cancelled' | 'shutdown') {
    super(`job ${why}`);
    this.name = 'JobAborted';
  }
}

export type Job<K> = (key: K, signal: AbortSignal) => Promise<void>;

/**
 * An in-process queue: jobs run in arrival order, at most `concurrency` at a time, each key at most
 * once (queued or running). Jobs get an AbortSignal for cancellation and shutdown. Persisting what
 * must survive a restart is the job's business; this only schedules.
 */
export class JobQueue<K> {
  private readonly waiting: K[] = [];
  private readonly running = new Map<K, { controller: AbortController; done: Promise<void> }>();
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly job: Job<K>,
    private readonly concurrency = 1,
    private readonly onError: (key: K, error: unknown) => void = () => undefined,
  ) {}

  /** Adds a job unless the key is already queued or running; false when it was not added. */
  push(key: K): boolean {
    if (this.closed || this.waiting.includes(key) || this.running.has(key)) return false;
    this.waiting.push(key);
    this.pump();
    return true;
  }

  /** Drops a waiting job, or aborts a running one and resolves once it has stopped. */
  async cancel(key: K): Promise<void> {
    const at = this.waiting.indexOf(key);
    if (at >= 0) this.waiting.splice(at, 1);
    const run = this.running.get(key);
    if (run) {
      run.controller.abort(new JobAborted('cancelled'));
      await run.done;
    }
    this.settle();
  }

  /** Keys waiting and running, for status and tests. */
  get pending(): { waiting: K[]; running: K[] } {
    return { waiting: [...this.waiting], running: [...this.running.keys()] };
  }

  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void> {
    if (!this.waiting.length && !this.running.size) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Takes no more jobs, forgets the waiting ones, aborts the running ones and waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort(new JobAborted('shutdown'));
    await Promise.all(runs.map((r) => r.done));
    this.settle();
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency && this.waiting.length) {
      const key = this.waiting.shift() as K;
      const controller = new AbortController();
      const done = Promise.resolve()
        .then(() => this.job(key, controller.signal))
        .catch((e) => this.onError(key, e))
        .finally(() => {
          this.running.delete(key);
          this.pump();
          this.settle();
        });
      this.running.set(key, { controller, done });
    }
  }

  private settle(): void {
    if (this.waiting.length || this.running.size) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
