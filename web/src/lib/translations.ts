import type { Language } from '../api/types';
import type { Translation, TranslationState } from '../api/translations';

// What the content page shows of a content's linked translations: the languages to switch to in
// one click, the languages it may still be translated into, and whether its source changed since
// it was last brought up to date.

/** The languages contents are written in (the server's `language` check). */
export const contentLanguages: readonly Language[] = ['en', 'fr'];

/** One chip of the language switcher. */
export interface LanguageChip {
  language: Language;
  contentId: string;
  title: string;
  current: boolean;
  isSource: boolean;
  state: TranslationState | null;
}

/**
 * The linked languages as chips, the source first: the content's own marked current. A content
 * linked to nothing has none (its own language alone is nothing to switch between).
 */
export function languageChips(
  contentId: string,
  translation: Translation | null | undefined,
): LanguageChip[] {
  if (!translation) return [];
  return translation.languages.map((l) => ({
    language: l.language,
    contentId: l.content_id,
    title: l.title,
    current: l.content_id === contentId,
    isSource: l.is_source,
    state: l.state,
  }));
}

/**
 * The languages a content may still be translated into: the workspace's languages but its own
 * and those its group already has. Only what the reader sees of the group is known: a language
 * hidden from them is refused by the server, named.
 */
export function languagesToTranslate(
  language: Language,
  translation: Translation | null | undefined,
  languages: readonly Language[] = contentLanguages,
): Language[] {
  const taken = new Set<Language>([language]);
  for (const l of translation?.languages ?? []) taken.add(l.language);
  return languages.filter((l) => !taken.has(l));
}

/** Whether to say "source changed since translation": a translation out of date. */
export function sourceChanged(translation: Translation | null | undefined): boolean {
  return !!translation && !translation.is_source && translation.state === 'out_of_date';
}
