export interface PagePoolOptions {
  pageCount: number;
  /** Pages worked on at once. */
  workers: number;
  signal: AbortSignal;
  /** Makes page `page` (1-based); `signal` aborts when the pool stops (abort, or another page failed). */
  work: (page: number, signal: AbortSignal) => Promise<void>;
  /** Called each time the pages done from page 1 on, without a gap, grow: those can be shown. */
  onReady: (pagesReady: number) => void;
}

/**
 * Works through pages 1..pageCount with `workers` at a time, taking them in order so the first
 * pages are done first. The first failure (or an abort) stops the others, and the pool settles only
 * when no page is being worked on any more, so the caller can clean up behind it.
 */
export async function runPagePool(options: PagePoolOptions): Promise<void> {
  const { pageCount, workers, work, onReady } = options;
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const done = new Set<number>();
  let next = 1;
  let ready = 0;
  const failures: unknown[] = [];

  const worker = async () => {
    while (!signal.aborted && next <= pageCount) {
      const page = next++;
      try {
        await work(page, signal);
      } catch (error) {
        failures.push(error);
        stop.abort(error);
        return;
      }
      done.add(page);
      const before = ready;
      while (done.has(ready + 1)) ready++;
      if (ready > before && !signal.aborted) onReady(ready);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, pageCount)) }, worker));
  // An abort from outside wins over the failures it caused in the pages being worked on.
  options.signal.throwIfAborted();
  if (failures.length) throw failures[0];
}
