import { useEffect, useState } from 'react';
import { pagesAround, slideImages, type SlideVariant } from '../lib/slide-image-cache';

export interface ShownSlide {
  deckId: string;
  page: number;
  url: string;
}

/**
 * The image of a deck page as a blob URL. A page already in the cache shows in the same frame;
 * otherwise the previous page stays up until the new one has arrived. With `pageCount`, the
 * next pages are fetched ahead so the presenter's next move shows at once.
 */
export function useSlideImage(
  deckId: string | null,
  page: number,
  variant: SlideVariant = 'page',
  pageCount = 0,
) {
  const cached = deckId ? slideImages.peek(deckId, page, variant) : null;
  const [loaded, setLoaded] = useState<ShownSlide | null>(null);
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const key = `${deckId}:${variant}:${page}`;

  useEffect(() => {
    if (!deckId || cached) return;
    let current = true;
    slideImages.load(deckId, page, variant).then(
      (url) => {
        if (!current) return;
        setLoaded({ deckId, page, url });
        setFailedKey(null);
      },
      () => current && setFailedKey(`${deckId}:${variant}:${page}`),
    );
    return () => {
      current = false;
    };
  }, [deckId, page, variant, cached]);

  useEffect(() => {
    if (deckId && pageCount > 0) slideImages.preload(deckId, pagesAround(page, pageCount), variant);
  }, [deckId, page, pageCount, variant]);

  const shown: ShownSlide | null = !deckId
    ? null
    : cached
      ? { deckId, page, url: cached }
      : loaded?.deckId === deckId
        ? loaded
        : null;
  return { shown, loading: !!deckId && shown?.page !== page, failed: failedKey === key };
}
