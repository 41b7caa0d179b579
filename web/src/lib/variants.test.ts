import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Channel, Content } from '../api/types';
import {
  countText,
  cssRatio,
  deriveVariant,
  hasVariant,
  initials,
  normalVariantKey,
  plainText,
  rulesFor,
  splitAtHook,
  tagCounts,
  textPieces,
  variantChannels,
  variantFields,
  variantValues,
  variantViolations,
  variantsPatch,
  xDisplayUrl,
} from './variants';
import { toPatch, valuesOf } from '../content/sync';

// The counting examples the server's tests read too (tests/data, written with the server's
// rules): both sides must count a text alike.
const examplesPath = fileURLToPath(
  new URL('../../../tests/data/x_counting_examples.json', import.meta.url),
);
interface Example {
  text: string;
  weighted_length: number;
  hashtags: number;
  mentions: number;
}
const shared: Example[] = existsSync(examplesPath)
  ? (JSON.parse(readFileSync(examplesPath, 'utf8')) as { examples: Example[] }).examples
  : [];

describe("X's weighted count (twitter-text v3)", () => {
  it.each([
    // X's counting rules as documented: every URL weighs 23, whatever its length…
    ['https://example.com/a/very/long/path/that/goes/on/and/on', 23],
    ['Read: https://example.com/a/very/long/path', 29],
    // …Latin letters with accents weigh 1, CJK characters and emoji 2.
    ['Café crème', 10],
    ['日本語', 6],
    ['😀', 2],
    // A family emoji is one grapheme: it weighs 2, not 2 per person.
    ['👨‍👩‍👧‍👦', 2],
    ['', 0],
  ])('%j weighs %i', (text, weight) => {
    expect(countText(text, 'x')).toBe(weight);
  });

  it.skipIf(shared.length === 0)('agrees with every shared example (tests/data)', () => {
    for (const example of shared) {
      expect(countText(example.text, 'x'), example.text).toBe(example.weighted_length);
      const tags = tagCounts(example.text);
      expect(tags.hashtags, example.text).toBe(example.hashtags);
      expect(tags.mentions, example.text).toBe(example.mentions);
    }
  });
});

describe('the other networks count code points', () => {
  it('counts an accented letter, an emoji and a URL as the characters they are', () => {
    expect(countText('Été', 'chars')).toBe(3);
    expect(countText('😀', 'chars')).toBe(1);
    expect(countText('https://example.com/a', 'chars')).toBe(21);
  });

  it('counts hashtags and mentions, accented ones included', () => {
    expect(tagCounts('#été #launch @copydesk and @lea')).toEqual({ hashtags: 2, mentions: 2 });
    expect(tagCounts('no tags # here, mail a@b.fr')).toEqual({ hashtags: 0, mentions: 0 });
  });
});

describe('where a network folds a text', () => {
  it("cuts LinkedIn's text near 210 characters, between words", () => {
    const text = `${'word '.repeat(60)}end`;
    const { shown, rest } = splitAtHook(text, rulesFor('linkedin', undefined));
    expect([...shown].length).toBeLessThanOrEqual(210);
    expect([...shown].length).toBeGreaterThan(190);
    expect(shown.endsWith('word')).toBe(true);
    expect(shown + text.slice(shown.length)).toBe(text);
    expect(rest.trim().endsWith('end')).toBe(true);
  });

  it('folds an Instagram caption after two lines however short they are', () => {
    const { shown, rest } = splitAtHook('one\ntwo\nthree', rulesFor('instagram', undefined));
    expect(shown).toBe('one\ntwo');
    expect(rest).toBe('\nthree');
  });

  it('shows a short text whole', () => {
    expect(splitAtHook('Hello', rulesFor('facebook', undefined))).toEqual({
      shown: 'Hello',
      rest: '',
    });
  });

  it('on X, shows what fits in 280 and leaves the rest out', () => {
    const text = `${'a'.repeat(278)}日本`;
    const { shown, rest } = splitAtHook(text, rulesFor('x', undefined));
    expect(shown).toBe(`${'a'.repeat(278)}日`);
    expect(rest).toBe('本');
  });
});

describe('variant violations', () => {
  it('names the variant field, the channel, the limit and the count', () => {
    const found = variantViolations('ch-x', { text: 'a'.repeat(285) }, rulesFor('x', undefined));
    expect(found).toEqual([
      {
        field: 'variants.ch-x.text',
        rule: 'channel_limit',
        channel_id: 'ch-x',
        limit: 280,
        actual: 285,
      },
    ]);
  });

  it("counts Instagram's hashtags against 30", () => {
    const text = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    const found = variantViolations('ig', { text }, rulesFor('instagram', undefined));
    expect(found.map((v) => [v.rule, v.limit, v.actual])).toEqual([['hashtag_limit', 30, 31]]);
  });

  it("checks a newsletter's subject and preheader each against its own limit", () => {
    const found = variantViolations(
      'nl',
      { subject: 's'.repeat(79), preheader: 'p'.repeat(100), text: 't'.repeat(5000) },
      rulesFor('newsletter', undefined),
    );
    expect(found.map((v) => [v.field, v.limit, v.actual])).toEqual([
      ['variants.nl.subject', 78, 79],
    ]);
  });

  it("takes the server's rules over the published figures", () => {
    const served = [
      { ...rulesFor('x', undefined), fields: [{ key: 'text', limit: 10, counting: 'x' as const }] },
    ];
    expect(variantViolations('x', { text: 'eleven char' }, rulesFor('x', served))).toHaveLength(1);
  });
});

const content = (over: Partial<Content> & Record<string, unknown> = {}) =>
  ({
    title: 'Spring launch',
    fields: {
      lead: 'Our new app is out.',
      body: '## Why\n\nIt is **fast** and [open](https://x.y).\n\nMore text.',
    },
    ...over,
  }) as Content;

describe('deriveVariant', () => {
  it('proposes the title and the lead for a social network', () => {
    expect(deriveVariant(content(), 'linkedin')).toEqual({
      network: 'linkedin',
      fields: { text: 'Spring launch\n\nOur new app is out.' },
      visual: null,
    });
  });

  it("adds a link to the content's first publication", () => {
    const published = content({
      publications: [
        { channel: 'a', url: null },
        { channel: 'b', url: 'https://example.com/spring' },
      ],
    });
    expect(deriveVariant(published, 'x').fields.text).toBe(
      'Spring launch\n\nOur new app is out.\n\nhttps://example.com/spring',
    );
  });

  it('takes the first paragraph of the body when there is no lead', () => {
    const text = deriveVariant(
      content({ fields: { body: '# Title\n\nIt is **fast**.\n\nMore.' } }),
      'facebook',
    ).fields.text;
    expect(text).toBe('Spring launch\n\nTitle');
  });

  it("keeps a post's own text", () => {
    expect(deriveVariant(content({ fields: { text: 'Our post #launch' } }), 'x').fields).toEqual({
      text: 'Our post #launch',
    });
  });

  it('gives the newsletter a subject, a preheader and a text', () => {
    expect(deriveVariant(content(), 'newsletter').fields).toEqual({
      subject: 'Spring launch',
      preheader: 'Our new app is out.',
      text: 'Why\n\nIt is fast and open.\n\nMore text.',
    });
  });

  it("offers the content's first image as the visual", () => {
    expect(deriveVariant(content(), 'instagram', { firstImage: 'att-1' }).visual).toBe('att-1');
  });
});

describe('variants in the page values', () => {
  const variants = {
    c1: { network: 'x' as const, fields: { text: 'Hi' }, visual: 'a1' },
  };

  it('flattens a variant into one key per field and its visual', () => {
    expect(variantValues(variants)).toEqual({
      'variants.c1.text': 'Hi',
      'variants.c1.visual': 'a1',
    });
    const values = valuesOf({ ...content(), variants } as Content);
    expect(values['variants.c1.text']).toBe('Hi');
    expect(hasVariant(values, 'c1')).toBe(true);
    expect(hasVariant(values, 'c2')).toBe(false);
    expect(variantFields(values, 'c1', rulesFor('x', undefined))).toEqual({ text: 'Hi' });
  });

  it('sends changed variant fields nested as the API wants them', () => {
    const local = { 'variants.c1.text': 'New', 'variants.c1.visual': '', title: 'T' };
    expect(variantsPatch(['variants.c1.text', 'variants.c1.visual'], local)).toEqual({
      c1: { fields: { text: 'New' }, visual: null },
    });
    expect(toPatch(['title', 'variants.c1.text'], local, 7)).toEqual({
      base_version: 7,
      title: 'T',
      variants: { c1: { fields: { text: 'New' } } },
    });
  });

  it("reads a conflict's field in either of the server's spellings", () => {
    expect(normalVariantKey('variants.c1.fields.text')).toBe('variants.c1.text');
    expect(normalVariantKey('variants.c1.visual')).toBe('variants.c1.visual');
    expect(normalVariantKey('fields.body')).toBe('fields.body');
  });

  it('keeps only the chosen channels that have a network', () => {
    const channel = (id: string, network: Channel['network']): Channel => ({
      id,
      name: id,
      color: '#000',
      parent: null,
      char_limit: null,
      position: 0,
      network,
    });
    const all = [channel('web', null), channel('x', 'x'), channel('li', 'linkedin')];
    expect(variantChannels(all, ['web', 'x']).map((c) => c.id)).toEqual(['x']);
  });
});

describe('what a preview shows', () => {
  it('marks links, hashtags and mentions in a post', () => {
    expect(textPieces('Go #launch @lea https://a.co/x !')).toEqual([
      { text: 'Go ', kind: 'plain' },
      { text: '#launch', kind: 'hashtag' },
      { text: ' ', kind: 'plain' },
      { text: '@lea', kind: 'mention' },
      { text: ' ', kind: 'plain' },
      { text: 'https://a.co/x', kind: 'url' },
      { text: ' !', kind: 'plain' },
    ]);
  });

  it('shortens a URL as X shows it', () => {
    expect(xDisplayUrl('https://www.example.com/a/very/long/path')).toBe(
      'example.com/a/very/long…',
    );
    expect(xDisplayUrl('https://a.co/x')).toBe('a.co/x');
  });

  it("turns a network's crop into a CSS ratio", () => {
    expect(cssRatio('1.91:1')).toBe('1.91 / 1');
    expect(cssRatio(null)).toBeNull();
  });

  it("shows a page without a picture by its name's initials", () => {
    expect(initials('Atelier Lumière')).toBe('AL');
    expect(initials('copydesk')).toBe('CO');
    expect(initials('  ')).toBe('');
  });

  it('reads Markdown as plain text', () => {
    expect(plainText('**Bold** and _it_ and `code` ![img](a.png) [link](b)')).toBe(
      'Bold and it and code  link',
    );
  });
});
