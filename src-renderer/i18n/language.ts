/**
 * The UI language is a preference of this computer, not personal data, so it
 * may live in localStorage (nothing about cases or persons ever goes there).
 */
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = 'fristad.language';

export function readStoredLanguage(): Language {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // A locked-down profile without storage keeps the language for this run only.
  }
}
