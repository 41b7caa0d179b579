import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { isLanguage, localeFor, pickLanguage } from '../lib/language';
import en from './en.json';
import fr from './fr.json';

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
} as const;

const storageKey = 'copydesk.language';

function browserPreferences(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: pickLanguage({ stored: storedLanguage(), browser: browserPreferences() }),
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});

function reflect(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the account still remembers.
  }
}

reflect(i18n.language);
i18n.on('languageChanged', reflect);

/** The interface language now in use. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Switches the interface language (the account is saved separately, through PATCH /me). */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** The Intl locale for the interface language, following the browser's regional variant. */
export function useLocale(): string {
  const { i18n: instance } = useTranslation();
  const language = isLanguage(instance.language) ? instance.language : 'en';
  return localeFor(language, browserPreferences());
}

export default i18n;
