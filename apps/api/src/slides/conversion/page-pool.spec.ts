import { runPagePool } from './page-pool';

/** A page whose work ends when the test says so. */
function gatedPages() {
  const gates = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  const started: number[] = [];
  const work = (page: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      started.push(page);
      gates.set(page, { resolve, reject });
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  const settle = async (page: number, error?: Error) => {
    await until(() => gates.has(page));
    if (error) gates.get(page)!.reject(error);
    else gates.get(page)!.resolve();
    await new Promise((r) => setImmediate(r));
  };
  return { work, started, settle };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setImmediate(r));
  if (!check()) throw new Error('never happened');
}

describe('runPagePool', () => {
  it('works on two pages at once, in page order, and announces only gap-free runs from page 1', async () => {
    const pages = gatedPages();
    const ready: number[] = [];
    const pool = runPagePool({
      pageCount: 5,
      workers: 2,
      signal: new AbortController().signal,
      work: pages.work,
      onReady: (n) => ready.push(n),
    });
    await until(() => pages.started.length === 2);
    expect(pages.started).toEqual([1, 2]);
    await pages.settle(2);
    // Page 2 is done but page 1 is not: nothing can be shown yet.
    expect(ready).toEqual([]);
    expect(pages.started).toEqual([1, 2, 3]);
    await pages.settle(1);
    expect(ready).toEqual([2]);
    await pages.settle(3);
    await pages.settle(4);
    await pages.settle(5);
    await pool;
    expect(ready).toEqual([2, 3, 4, 5]);
  });

  it('stops the other pages at the first failure and settles only after they have stopped', async () => {
    const pages = gatedPages();
    const stopped: number[] = [];
    const work = (page: number, signal: AbortSignal) =>
      pages.work(page, signal).catch((e) => {
        stopped.push(page);
        throw e;
      });
    const ready: number[] = [];
    const outcome = runPagePool({
      pageCount: 9,
      workers: 2,
      signal: new AbortController().signal,
      work,
      onReady: (n) => ready.push(n),
    }).catch((e: Error) => e.message);
    await pages.settle(1);
    await pages.settle(3, new Error('page 3 is broken'));
    expect(await outcome).toBe('page 3 is broken');
    expect(stopped.sort()).toEqual([2, 3]);
    expect(pages.started).toEqual([1, 2, 3]);
    expect(ready).toEqual([1]);
  });

  it('rejects with the abort reason when stopped from outside', async () => {
    const pages = gatedPages();
    const abort = new AbortController();
    const pool = runPagePool({
      pageCount: 3,
      workers: 2,
      signal: abort.signal,
      work: pages.work,
      onReady: () => undefined,
    });
    await until(() => pages.started.length === 2);
    abort.abort(new Error('deck deleted'));
    await expect(pool).rejects.toThrow('deck deleted');
    expect(pages.started).toEqual([1, 2]);
  });
});
