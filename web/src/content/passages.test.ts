import { describe, expect, it } from 'vitest';
import { codePointIndex, expectedIndex, locateMarks, locateQuote } from './passages';

describe('locateQuote', () => {
  const text = 'Les citernes gèlent en hiver. Vérifiez les citernes chaque mois.';

  it('finds the quote at its offset', () => {
    expect(locateQuote(text, 'gèlent en hiver', 13)).toEqual({ from: 13, to: 28 });
  });

  it('finds the quote when it moved', () => {
    const edited = `Attention ! ${text}`;
    const span = locateQuote(edited, 'gèlent en hiver', 13);
    expect(edited.slice(span!.from, span!.to)).toBe('gèlent en hiver');
  });

  it('answers null when the passage is gone', () => {
    expect(locateQuote(text, 'en été', 13)).toBeNull();
    expect(locateQuote(text, '', 0)).toBeNull();
  });

  it('takes the occurrence of a repeated quote nearest to the offset', () => {
    expect(locateQuote(text, 'citernes', 4)!.from).toBe(4);
    expect(locateQuote(text, 'citernes', 40)!.from).toBe(43);
    expect(locateQuote(text, 'citernes', 1000)!.from).toBe(43);
  });
});

describe('codePointIndex', () => {
  it('counts a character outside the basic plane as one, as the server does', () => {
    expect(codePointIndex('🔥 chaud', 2)).toBe(3);
    expect(codePointIndex('abc', 10)).toBe(3);
  });
});

describe('expectedIndex', () => {
  it('keeps the same occurrence of a repeated quote when Markdown markup shifts offsets', () => {
    const source = '**Note** : [le gaz](https://example.com/une/longue/adresse) et le gaz.';
    const shown = 'Note : le gaz et le gaz.';
    // The second "le gaz" of the Markdown, which is the second one on screen too.
    const offset = source.lastIndexOf('le gaz');
    expect(expectedIndex(source, shown, 'le gaz', offset)).toBe(shown.lastIndexOf('le gaz'));
    expect(expectedIndex(source, shown, 'le gaz', source.indexOf('le gaz'))).toBe(
      shown.indexOf('le gaz'),
    );
  });

  it('scales the offset when the texts hold the quote a different number of times', () => {
    const source = 'a'.repeat(100) + 'quote';
    const shown = 'a'.repeat(50) + 'quote quote';
    expect(expectedIndex(source, shown, 'quote', 100)).toBe(Math.round((100 * 61) / 105));
  });
});

describe('locateMarks', () => {
  it('skips the passages not found and keeps the others', () => {
    const text = 'Un. Deux. Trois.';
    expect(
      locateMarks(text, text, [
        { thread: 't1', quote: 'Deux', offset: 4 },
        { thread: 't2', quote: 'Quatre', offset: 0 },
      ]),
    ).toEqual([{ thread: 't1', from: 4, to: 8 }]);
  });
});
