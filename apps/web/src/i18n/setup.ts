import { catalogues, pickLocale, type CatalogueLocale } from '@hallbridge/i18n';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const storageKey = 'hallbridge.locale';

/** Vietnamese unless the user chose otherwise (?lang=en, the language switch, or a stored choice). */
export function initialLocale(): CatalogueLocale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl) {
    // A link with ?lang=en keeps the interface in English on the pages that follow.
    const locale = pickLocale(fromUrl);
    localStorage.setItem(storageKey, locale);
    return locale;
  }
  return pickLocale(localStorage.getItem(storageKey));
}

export function setLocale(locale: CatalogueLocale): void {
  localStorage.setItem(storageKey, locale);
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export function setupI18n(): typeof i18next {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([l, c]) => [l, { translation: c }])),
    lng,
    fallbackLng: 'vi',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18next;
}
