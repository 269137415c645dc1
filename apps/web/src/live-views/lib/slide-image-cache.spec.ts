import { pagesAround, SlideImageCache } from './slide-image-cache';

function fakeCache(limit = 3) {
  const fetched: string[] = [];
  const revoked: string[] = [];
  let n = 0;
  const cache = new SlideImageCache(
    async (path) => {
      fetched.push(path);
      if (path.includes('/404.')) throw new Error('missing');
      return new Blob([path]);
    },
    limit,
    () => `blob:${++n}`,
    (url) => revoked.push(url),
  );
  return { cache, fetched, revoked };
}

describe('SlideImageCache', () => {
  it('fetches a page once and serves it from memory after', async () => {
    const { cache, fetched } = fakeCache();
    const a = await cache.load('d1', 2);
    const b = await cache.load('d1', 2);
    expect(a).toBe(b);
    expect(fetched).toEqual(['/decks/d1/pages/2.webp']);
    expect(cache.peek('d1', 2)).toBe(a);
    expect(cache.peek('d1', 3)).toBeNull();
  });

  it('keeps pages and thumbnails apart', async () => {
    const { cache, fetched } = fakeCache();
    await cache.load('d1', 1, 'thumb');
    await cache.load('d1', 1);
    expect(fetched).toEqual(['/decks/d1/thumbs/1.webp', '/decks/d1/pages/1.webp']);
  });

  it('drops the least recently used page and revokes its URL', async () => {
    const { cache, revoked } = fakeCache(2);
    const first = await cache.load('d', 1);
    await cache.load('d', 2);
    await cache.load('d', 1); // used again: page 2 is now the oldest
    await cache.load('d', 3);
    expect(cache.size).toBe(2);
    expect(cache.peek('d', 1)).toBe(first);
    expect(cache.peek('d', 2)).toBeNull();
    expect(revoked).toHaveLength(1);
  });

  it('forgets a failed load so the next one retries', async () => {
    const { cache, fetched } = fakeCache();
    await expect(cache.load('d', 404)).rejects.toThrow('missing');
    await expect(cache.load('d', 404)).rejects.toThrow('missing');
    expect(fetched).toHaveLength(2);
  });
});

describe('pagesAround', () => {
  it('names the next pages and the previous one, within the deck', () => {
    expect(pagesAround(1, 10)).toEqual([2, 3, 4]);
    expect(pagesAround(5, 10)).toEqual([6, 7, 8, 4]);
    expect(pagesAround(9, 10)).toEqual([10, 8]);
    expect(pagesAround(1, 1)).toEqual([]);
  });
});
