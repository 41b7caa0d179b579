import { describe, expect, it } from 'vitest';
import { browserLanguage, localeFor, pickLanguage } from './language';

describe('pickLanguage', () => {
  it("follows the account's language first", () => {
    expect(pickLanguage({ account: 'fr', stored: 'en', browser: ['en-US'] })).toBe('fr');
  });
  it('then the language last chosen on this browser', () => {
    expect(pickLanguage({ stored: 'fr', browser: ['en-US'] })).toBe('fr');
    expect(pickLanguage({ stored: 'de', browser: ['fr-CA'] })).toBe('fr');
  });
  it("then the browser's first language copydesk speaks, then English", () => {
    expect(pickLanguage({ browser: ['de-DE', 'fr-FR', 'en'] })).toBe('fr');
    expect(pickLanguage({ browser: ['de', 'es'] })).toBe('en');
    expect(pickLanguage({ browser: [] })).toBe('en');
  });
});

describe('browserLanguage', () => {
  it('matches on the primary subtag, any case', () => {
    expect(browserLanguage(['FR_be'])).toBe('fr');
    expect(browserLanguage(['english'])).toBeNull();
  });
});

describe('localeFor', () => {
  it("keeps the browser's regional variant of the interface language", () => {
    expect(localeFor('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
    expect(localeFor('en', ['en-GB', 'fr-CA'])).toBe('en-GB');
  });
  it('falls back to the bare language', () => {
    expect(localeFor('fr', ['en-US'])).toBe('fr');
  });
});
