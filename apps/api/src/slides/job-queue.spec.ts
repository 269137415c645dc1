import { JobAborted, JobQueue } from './job-queue';

const tick = () => new Promise((r) => setImmediate(r));

/** A job that waits until released (or aborted), recording what happened. */
function controllableJobs() {
  const log: string[] = [];
  const releases = new Map<string, () => void>();
  const job = (key: string, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      log.push(`start ${key}`);
      releases.set(key, () => {
        log.push(`end ${key}`);
        resolve();
      });
      signal.addEventListener('abort', () => {
        log.push(`abort ${key} (${(signal.reason as JobAborted).why})`);
        reject(signal.reason);
      });
    });
  return { log, job, release: (key: string) => releases.get(key)?.() };
}

describe('JobQueue', () => {
  it('runs one job at a time, in arrival order, each key once', async () => {
    const { log, job, release } = controllableJobs();
    const queue = new JobQueue(job);
    expect(queue.push('a')).toBe(true);
    expect(queue.push('b')).toBe(true);
    expect(queue.push('a')).toBe(false);
    await tick();
    expect(log).toEqual(['start a']);
    expect(queue.pending).toEqual({ waiting: ['b'], running: ['a'] });
    release('a');
    await tick();
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    release('b');
    await queue.idle();
    expect(queue.pending).toEqual({ waiting: [], running: [] });
  });

  it('cancels a waiting job without running it, and aborts a running one', async () => {
    const { log, job } = controllableJobs();
    const errors: unknown[] = [];
    const queue = new JobQueue(job, 1, (_, e) => errors.push(e));
    queue.push('a');
    queue.push('b');
    await tick();
    await queue.cancel('b');
    await queue.cancel('a');
    await queue.idle();
    expect(log).toEqual(['start a', 'abort a (cancelled)']);
    expect(errors).toEqual([expect.any(JobAborted)]);
  });

  it('keeps going after a job fails', async () => {
    const seen: string[] = [];
    const errors: string[] = [];
    const queue = new JobQueue<string>(
      async (key) => {
        seen.push(key);
        if (key === 'bad') throw new Error('boom');
      },
      1,
      (key, e) => errors.push(`${key}: ${(e as Error).message}`),
    );
    queue.push('bad');
    queue.push('good');
    await queue.idle();
    expect(seen).toEqual(['bad', 'good']);
    expect(errors).toEqual(['bad: boom']);
  });

  it('on close aborts the running job as a shutdown and takes no more', async () => {
    const { log, job } = controllableJobs();
    const queue = new JobQueue(job);
    queue.push('a');
    queue.push('b');
    await tick();
    await queue.close();
    expect(log).toEqual(['start a', 'abort a (shutdown)']);
    expect(queue.push('c')).toBe(false);
    await queue.idle();
  });

  it('honours a higher concurrency', async () => {
    const { log, job, release } = controllableJobs();
    const queue = new JobQueue(job, 2);
    ['a', 'b', 'c'].forEach((k) => queue.push(k));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    release('b');
    await tick();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    release('a');
    release('c');
    await queue.idle();
  });
});
