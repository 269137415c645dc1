import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface WorkerLimits {
  /** Heap of the worker; past it the worker dies, not the API. */
  memoryMb: number;
  /** Wall-clock time before the worker is stopped. */
  timeoutMs: number;
}

export type WorkerOutcome<T> =
  { ok: true; value: T } | { ok: false; reason: 'timeout' | 'memory' | 'crashed' };

/**
 * Runs one job in a worker thread with a memory cap and a time limit, so parsing an uploaded file
 * never stops the event loop that serves everyone else. `entry` is the worker's module path
 * without extension: the built `.js` next to the caller, or the `.ts` source (tests) through tsx.
 */
export function runInWorker<T>(
  entry: string,
  data: unknown,
  limits: WorkerLimits,
): Promise<WorkerOutcome<T>> {
  const built = `${entry}.js`;
  const worker = existsSync(built)
    ? new Worker(built, { workerData: data, resourceLimits: resourceLimits(limits) })
    : new Worker(
        `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(`${entry}.ts`)});`,
        {
          eval: true,
          workerData: data,
          resourceLimits: resourceLimits(limits),
        },
      );
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: WorkerOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.once('message', (value: T) => settle({ ok: true, value }));
    worker.once('error', (error: Error & { code?: string }) =>
      settle({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed' }),
    );
    worker.once('exit', () => settle({ ok: false, reason: 'crashed' }));
  });
}

const resourceLimits = (limits: WorkerLimits) => ({
  maxOldGenerationSizeMb: limits.memoryMb,
  maxYoungGenerationSizeMb: Math.max(16, Math.round(limits.memoryMb / 8)),
  stackSizeMb: 4,
});
