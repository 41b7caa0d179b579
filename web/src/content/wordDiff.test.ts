import { describe, expect, it } from 'vitest';
import { tokenize, wordDiff } from './wordDiff';

const apply = (ops: ReturnType<typeof wordDiff>, side: 'before' | 'after') =>
  ops
    .filter((op) => op.op === 'equal' || op.op === (side === 'before' ? 'delete' : 'insert'))
    .map((op) => op.text)
    .join('');

describe('wordDiff', () => {
  it('keeps every character of both texts', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
    const before = 'The tank needs a check before winter.\n\nCall us.';
    const after = 'Tanks need a yearly check before winter.\n\nCall us now.';
    const ops = wordDiff(before, after);
    expect(apply(ops, 'before')).toBe(before);
    expect(apply(ops, 'after')).toBe(after);
  });

  it('marks only the words that changed', () => {
    expect(wordDiff('The tank is safe.', 'The cistern is safe.')).toEqual([
      { op: 'equal', text: 'The ' },
      { op: 'delete', text: 'tank' },
      { op: 'insert', text: 'cistern' },
      { op: 'equal', text: ' is safe.' },
    ]);
    expect(wordDiff('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(wordDiff('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
  });

  it('shows a long text that differs everywhere as one deletion and one insertion', () => {
    const a = Array.from({ length: 2000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 2000 }, (_, i) => `b${i}`).join(' ');
    expect(wordDiff(a, b).map((op) => op.op)).toEqual(['delete', 'insert']);
  });
});
