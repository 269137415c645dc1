import { useEffect } from 'react';
import { isTypingTarget, pageForKey } from '../lib/slide-keys';

const TYPED_PAGE_TIMEOUT_MS = 2000;

/** Keyboard and clicker control of the slides while the presenter's view is open. */
export function useSlideKeys(
  enabled: boolean,
  page: number,
  pageCount: number,
  goPage: (page: number) => void,
): void {
  useEffect(() => {
    if (!enabled) return;
    let typed = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      // Space and Enter on a focused button press that button; do not also move the slide.
      const onControl = (e.target as HTMLElement | null)?.closest?.('button, a, summary, [role="button"]');
      if (onControl && (e.key === ' ' || e.key === 'Enter')) return;
      if (/^\d$/.test(e.key)) {
        typed = (typed + e.key).slice(-3);
        clearTimeout(timer);
        timer = setTimeout(() => (typed = ''), TYPED_PAGE_TIMEOUT_MS);
        return;
      }
      const target = pageForKey(e, page, pageCount, typed);
      typed = '';
      if (target === null) return;
      e.preventDefault();
      if (target !== page) goPage(target);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearTimeout(timer);
    };
  }, [enabled, page, pageCount, goPage]);
}
