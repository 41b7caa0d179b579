import { describe, expect, it } from 'vitest';
import type { Translation } from '../api/translations';
import { languageChips, languagesToTranslate, sourceChanged } from './translations';

const group = (over: Partial<Translation> = {}): Translation => ({
  source_id: 'fr1',
  is_source: false,
  languages: [
    { language: 'fr', content_id: 'fr1', title: 'Offre solaire', is_source: true, state: null },
    {
      language: 'en',
      content_id: 'en1',
      title: 'Solar offer',
      is_source: false,
      state: 'out_of_date',
    },
  ],
  synced_revision: 1,
  source_revision: 2,
  state: 'out_of_date',
  ...over,
});

describe('languageChips', () => {
  it('lists the linked languages, the source first, marking the one shown', () => {
    const chips = languageChips('en1', group());
    expect(chips.map((c) => [c.language, c.current, c.isSource])).toEqual([
      ['fr', false, true],
      ['en', true, false],
    ]);
    expect(chips[1]!.state).toBe('out_of_date');
  });

  it('has nothing to switch between for a content linked to nothing', () => {
    expect(languageChips('c1', null)).toEqual([]);
    expect(languageChips('c1', undefined)).toEqual([]);
  });
});

describe('languagesToTranslate', () => {
  it('offers the other language of a content linked to nothing', () => {
    expect(languagesToTranslate('fr', null)).toEqual(['en']);
    expect(languagesToTranslate('en', undefined)).toEqual(['fr']);
  });

  it('offers nothing once every language of the workspace is linked', () => {
    expect(languagesToTranslate('fr', group({ is_source: true, state: null }))).toEqual([]);
  });

  it('follows the languages it is given', () => {
    expect(languagesToTranslate('fr', group(), ['en', 'fr', 'de' as never])).toEqual(['de']);
  });
});

describe('sourceChanged', () => {
  it('says so for a translation out of date only', () => {
    expect(sourceChanged(group())).toBe(true);
    expect(sourceChanged(group({ state: 'up_to_date' }))).toBe(false);
    expect(sourceChanged(group({ is_source: true, state: null }))).toBe(false);
    expect(sourceChanged(null)).toBe(false);
  });
});
