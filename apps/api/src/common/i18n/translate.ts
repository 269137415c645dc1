import { catalogues, defaultLocale, pickLocale, type CatalogueLocale } from '@hallbridge/i18n';
import i18next, { type TFunction } from 'i18next';

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, { translation: c }])),
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  initAsync: false,
  interpolation: { escapeValue: false },
});

const translators = new Map<CatalogueLocale, TFunction>();

export function translatorFor(locale: CatalogueLocale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = instance.getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}

/** Server-side messages follow the caller's Accept-Language (Vietnamese unless asked otherwise). */
export function translate(
  acceptLanguage: string | null | undefined,
  key: string,
  params: Record<string, unknown> = {},
): string {
  return translatorFor(pickLocale(acceptLanguage))(key, params) as string;
}
