import type { Language } from '../api/types';

// Which language the interface speaks, and which locale formats its dates and numbers.

export const supportedLanguages: readonly Language[] = ['en', 'fr'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

function primarySubtag(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** The first of the browser's preferred languages that copydesk speaks, if any. */
export function browserLanguage(preferred: readonly string[]): Language | null {
  for (const tag of preferred) {
    const primary = primarySubtag(tag);
    if (isLanguage(primary)) return primary;
  }
  return null;
}

/**
 * The account's language wins; before anyone has logged in, the last language chosen on this
 * browser, then the browser's own preference, then English.
 */
export function pickLanguage(choices: {
  account?: Language | null | undefined;
  stored?: string | null | undefined;
  browser: readonly string[];
}): Language {
  if (choices.account) return choices.account;
  if (isLanguage(choices.stored)) return choices.stored;
  return browserLanguage(choices.browser) ?? 'en';
}

/**
 * The locale for Intl formatting: the browser's own regional variant of the interface language
 * when it has one (fr-CA, en-GB), else the bare language.
 */
export function localeFor(language: Language, preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (primarySubtag(tag) !== language) continue;
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? language;
    } catch {
      // Not a well-formed tag; try the next one.
    }
  }
  return language;
}
