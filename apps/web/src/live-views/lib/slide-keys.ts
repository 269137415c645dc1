/** What a key does to the slide: a page to go to, or nothing. */
export interface SlideKey {
  key: string;
  shiftKey?: boolean;
}

/** Presentation clickers send PageDown/PageUp (some send arrows, "b" or "." to blank, F5 and Escape). */
const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar', 'Enter', 'n', 'N']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p', 'P']);

/**
 * The page a key leads to, as in presentation software: next and previous, first and last, and
 * a typed number followed by Enter jumps to that page. Returns null when the key is not ours.
 */
export function pageForKey(
  { key, shiftKey }: SlideKey,
  page: number,
  pageCount: number,
  typed = '',
): number | null {
  const clamp = (p: number) => Math.min(Math.max(1, p), pageCount);
  if (pageCount < 1) return null;
  if (key === 'Enter' && typed) {
    const wanted = Number(typed);
    return Number.isInteger(wanted) && wanted >= 1 ? clamp(wanted) : null;
  }
  if (key === 'Home') return 1;
  if (key === 'End') return pageCount;
  if (key === ' ' && shiftKey) return clamp(page - 1);
  if (NEXT.has(key)) return clamp(page + 1);
  if (PREVIOUS.has(key)) return clamp(page - 1);
  return null;
}

/** Keys typed into a form field belong to the field, not to the slides. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
}
