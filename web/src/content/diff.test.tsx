import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DiffOp } from '../api/types';
import { changeSize, DiffText, splitSides, toSegments } from './diff';

const ops: DiffOp[] = [
  { op: 'equal', text: 'Winter ' },
  { op: 'delete', text: 'tank' },
  { op: 'delete', text: ' ' },
  { op: 'insert', text: 'cistern ' },
  { op: 'equal', text: 'safety' },
  { op: 'insert', text: '' },
];
const labels = { added: '[added]', removed: '[removed]' };

describe('diff rendering', () => {
  it('joins neighbouring ops of one kind and drops empty ones', () => {
    expect(toSegments(ops)).toEqual([
      { kind: 'same', text: 'Winter ' },
      { kind: 'removed', text: 'tank ' },
      { kind: 'added', text: 'cistern ' },
      { kind: 'same', text: 'safety' },
    ]);
  });

  it('splits into the text before and the text after', () => {
    const { before, after } = splitSides(ops);
    expect(before.map((s) => s.text).join('')).toBe('Winter tank safety');
    expect(after.map((s) => s.text).join('')).toBe('Winter cistern safety');
  });

  it('renders deletions and insertions as del and ins, in reading order', () => {
    const html = renderToStaticMarkup(<DiffText segments={toSegments(ops)} labels={labels} />);
    expect(html).toBe(
      '<div class="diff-text"><span>Winter </span>' +
        '<del><span class="sr-only">[removed] </span>tank </del>' +
        '<ins><span class="sr-only">[added] </span>cistern </ins>' +
        '<span>safety</span></div>',
    );
  });

  it('escapes the text: markup in a content is shown, never run', () => {
    const html = renderToStaticMarkup(
      <DiffText
        segments={toSegments([{ op: 'insert', text: '<img src=x onerror=alert(1)>' }])}
        labels={labels}
      />,
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('counts characters as a person does', () => {
    expect(
      changeSize([
        { op: 'insert', text: 'é😀' },
        { op: 'delete', text: 'abc' },
      ]),
    ).toEqual({
      added: 2,
      removed: 3,
    });
  });
});
