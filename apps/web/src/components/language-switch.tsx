import type { CatalogueLocale } from '@hallbridge/i18n';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n/setup';
import './language-switch.css';

const locales: CatalogueLocale[] = ['vi', 'en'];

/** Tiếng Việt / English. Server-made text (sorting, messages) follows, so cached answers are refetched. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <div className={`lang-switch lang-switch--${tone}`} role="group" aria-label={t('nav.language')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={i18n.language === locale}
          data-testid={`lang-${locale}`}
          onClick={() => {
            if (i18n.language === locale) return;
            setLocale(locale);
            void queryClient.invalidateQueries();
          }}
        >
          {t(`nav.languageName.${locale}`)}
        </button>
      ))}
    </div>
  );
}
