import { fetchFile } from '../../api/http';

export type SlideVariant = 'page' | 'thumb';

type FetchBlob = (path: string) => Promise<Blob>;

const pathOf = (deckId: string, page: number, variant: SlideVariant) =>
  `/decks/${deckId}/${variant === 'page' ? 'pages' : 'thumbs'}/${page}.webp`;

/**
 * Deck pages as blob URLs, fetched once with the bearer token (an <img> cannot send it) and kept
 * per deck and page, least recently used dropped first. Framework-free: the hook only reads it.
 */
export class SlideImageCache {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Promise<string>>();
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly fetchBlob: FetchBlob,
    private readonly limit = 120,
    private readonly createUrl: (blob: Blob) => string = (b) => URL.createObjectURL(b),
    private readonly revokeUrl: (url: string) => void = (u) => URL.revokeObjectURL(u),
  ) {}

  /** The page's URL, loading it when needed; a failed load is forgotten so the next call retries. */
  load(deckId: string, page: number, variant: SlideVariant = 'page'): Promise<string> {
    const key = `${deckId}:${variant}:${page}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const promise = this.fetchBlob(pathOf(deckId, page, variant)).then((blob) => {
      const url = this.createUrl(blob);
      if (this.entries.get(key) === promise) this.urls.set(key, url);
      else this.revokeUrl(url);
      return url;
    });
    promise.catch(() => {
      if (this.entries.get(key) === promise) this.entries.delete(key);
    });
    this.entries.set(key, promise);
    this.evict();
    return promise;
  }

  /** The URL when the page is already here, so a preloaded page shows in the same frame. */
  peek(deckId: string, page: number, variant: SlideVariant = 'page'): string | null {
    return this.urls.get(`${deckId}:${variant}:${page}`) ?? null;
  }

  /** Starts loading pages in the background (errors are left for the page that shows them). */
  preload(deckId: string, pages: readonly number[], variant: SlideVariant = 'page'): void {
    for (const page of pages) this.load(deckId, page, variant).catch(() => {});
  }

  clear(): void {
    for (const url of this.urls.values()) this.revokeUrl(url);
    this.urls.clear();
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.limit) return;
      this.entries.delete(key);
      const url = this.urls.get(key);
      if (url) this.revokeUrl(url);
      this.urls.delete(key);
    }
  }
}

/** One cache for the whole tab: every view of every room shares the pages it has fetched. */
export const slideImages = new SlideImageCache((path) => fetchFile(path).then((res) => res.blob()));

/** Pages worth having before the presenter moves: the next three and the previous one. */
export function pagesAround(page: number, pageCount: number, ahead = 3): number[] {
  const pages: number[] = [];
  for (let p = page + 1; p <= Math.min(pageCount, page + ahead); p++) pages.push(p);
  if (page > 1) pages.push(page - 1);
  return pages;
}
