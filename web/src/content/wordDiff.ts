import type { DiffOp } from '../api/types';

// A word diff between two texts, in the browser, for the conflict dialog (the server's /diff
// compares saved revisions; a conflict compares a saved text with one that is not saved yet).

/** Words and the spaces after them, so that joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

const maxCells = 1_000_000;

/**
 * Ops turning `before` into `after`: the common start and end are cut off first, then the middle
 * is compared word by word (longest common subsequence); a middle too large to compare quickly is
 * shown as one deletion and one insertion.
 */
export function wordDiff(before: string, after: string): DiffOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    if (text === '') return;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  push('equal', a.slice(0, start).join(''));
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  if (midA.length * midB.length > maxCells) {
    push('delete', midA.join(''));
    push('insert', midB.join(''));
  } else {
    // lengths[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const n = midA.length;
    const m = midB.length;
    const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i]![j] =
          midA[i] === midB[j]
            ? lengths[i + 1]![j + 1]! + 1
            : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('equal', midA[i]!);
        i++;
        j++;
      } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
        push('delete', midA[i++]!);
      } else {
        push('insert', midB[j++]!);
      }
    }
    while (i < n) push('delete', midA[i++]!);
    while (j < m) push('insert', midB[j++]!);
  }
  push('equal', a.slice(a.length - end).join(''));
  return ops;
}
