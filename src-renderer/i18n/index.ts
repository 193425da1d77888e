import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sv } from './sv';
import { en } from './en';
import { readStoredLanguage, type Language } from './language';

export const resources = { sv: { translation: sv }, en: { translation: en } } as const;

/**
 * Starts i18next once, in the language the worker chose last (Swedish by
 * default). Synchronous: the packs are bundled, so the first render is
 * already translated.
 */
export function initI18n(language: Language = readStoredLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'sv',
      supportedLngs: ['sv', 'en'],
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
      initAsync: false,
      showSupportNotice: false,
    });
  } else if (i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18n;
}

export { i18n };
