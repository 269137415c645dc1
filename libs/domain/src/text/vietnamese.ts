/** Removes tone marks and vowel marks (and đ → d) so "Nguyễn Văn Đức" ≈ "nguyen van duc". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Key for comparing names and headers typed by different people: folded, lowercase, single spaces. */
export function matchKey(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

const collators = new Map<string, Intl.Collator>();

/**
 * Vietnamese rosters sort by given name (the last word), then by the whole name, following the
 * locale's collation (a, ă, â, b, …, d, đ, …).
 */
export function compareNames(a: string, b: string, locale = 'vi'): number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
    collators.set(locale, collator);
  }
  const given = (name: string) => name.trim().split(/\s+/).pop() ?? '';
  return collator.compare(given(a), given(b)) || collator.compare(a, b);
}
