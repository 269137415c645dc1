import { en } from './en';
import { vi, type Catalogue } from './vi';

export { vi, en, type Catalogue };

export const catalogues = { vi, en } as const;
export type CatalogueLocale = keyof typeof catalogues;
export const defaultLocale: CatalogueLocale = 'vi';

/** Picks the best supported language from an Accept-Language header or a stored preference. */
export function pickLocale(preference: string | null | undefined): CatalogueLocale {
  if (!preference) return defaultLocale;
  const ranked = preference
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: (tag ?? '').slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((r) => r.lang in catalogues);
  return hit ? (hit.lang as CatalogueLocale) : defaultLocale;
}
