import type { Catalogue } from '@hallbridge/i18n';

// Every t('…') key is checked against the Vietnamese catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
