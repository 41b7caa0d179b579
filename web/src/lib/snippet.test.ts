import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSnippet } from './snippet';

describe('search snippets', () => {
  it('marks the matched words and decodes the escaped text', () => {
    expect(parseSnippet('Le tarif <mark>réglementé</mark> du gaz &amp; l&#39;offre')).toEqual([
      { text: 'Le tarif ', mark: false },
      { text: 'réglementé', mark: true },
      { text: " du gaz & l'offre", mark: false },
    ]);
  });

  it('keeps escaped markup as visible text, never as tags', () => {
    const pieces = parseSnippet('&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>');
    expect(pieces[0]).toEqual({ text: '<script>alert(1)</script> ', mark: false });
    expect(pieces[1]).toEqual({ text: 'x', mark: true });
  });

  it('shows any other tag as written', () => {
    expect(parseSnippet('<b onclick="x">bold</b> <img src=x onerror=alert(1)>')).toEqual([
      { text: '<b onclick="x">bold</b> <img src=x onerror=alert(1)>', mark: false },
    ]);
  });

  it('shows unbalanced or nested marks as text', () => {
    expect(parseSnippet('a</mark>b')).toEqual([{ text: 'a</mark>b', mark: false }]);
    expect(parseSnippet('<mark>a<mark>b</mark>')).toEqual([{ text: 'a<mark>b', mark: true }]);
    expect(parseSnippet('<mark>open')).toEqual([{ text: 'open', mark: true }]);
  });

  it('does not decode twice', () => {
    expect(parseSnippet('&amp;lt;mark&amp;gt;')).toEqual([{ text: '&lt;mark&gt;', mark: false }]);
  });

  it('decodes numeric entities and leaves unknown or invalid ones', () => {
    expect(decodeEntities('&#x27;&#233;&nbsp;&#0;&#xD800;')).toBe("'é&nbsp;&#0;&#xD800;");
  });

  it('gives nothing for an empty snippet', () => {
    expect(parseSnippet('')).toEqual([]);
  });
});
