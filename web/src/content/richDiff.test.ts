import { describe, expect, it } from 'vitest';
import { toSegments } from './diff';
import { isRun, markedMarkdown, richDiff, type DiffBlock, type DiffRun } from './richDiff';

// A reviewer reads the changes of an article's body as the article reads: a heading, bold words,
// a list, with what was added and removed marked, and no "##" or "**" in sight.

const ops = (...parts: [op: 'equal' | 'insert' | 'delete', text: string][]) =>
  toSegments(parts.map(([op, text]) => ({ op, text })));

function runs(block: DiffBlock): DiffRun[] {
  return block.children.flatMap((child) => (isRun(child) ? [child] : runs(child)));
}

function text(block: DiffBlock): string {
  return runs(block)
    .map((run) => run.text)
    .join('');
}

describe('richDiff', () => {
  it('renders headings and bold words without their Markdown, changes marked', () => {
    const doc = richDiff(
      ops(
        ['equal', '## Sécurité '],
        ['insert', 'hivernale'],
        ['equal', '\n\nVérifiez la citerne '],
        ['delete', 'chaque année'],
        ['insert', '**avant le gel**'],
        ['equal', '.'],
      ),
    );
    const [heading, paragraph] = doc.children as DiffBlock[];
    expect(heading!.tag).toBe('heading');
    expect(heading!.level).toBe(2);
    expect(text(heading!)).toBe('Sécurité hivernale');
    expect(runs(heading!).find((run) => run.kind === 'added')?.text).toBe('hivernale');
    expect(paragraph!.tag).toBe('p');
    expect(text(paragraph!)).toBe('Vérifiez la citerne chaque annéeavant le gel.');
    expect(runs(paragraph!)).toContainEqual({
      text: 'avant le gel',
      kind: 'added',
      marks: ['bold'],
    });
    expect(runs(paragraph!)).toContainEqual({ text: 'chaque année', kind: 'removed', marks: [] });
    expect(JSON.stringify(doc)).not.toMatch(/##|\*\*/);
  });

  it('keeps an added heading or list item a heading or a list item', () => {
    expect(markedMarkdown(ops(['equal', 'Texte.\n\n'], ['insert', '## Nouveau\n\n- un']))).toBe(
      'Texte.\n\n## \uE000Nouveau\uE002\n\n- \uE000un\uE002',
    );
    const doc = richDiff(ops(['equal', 'Texte.\n\n'], ['insert', '## Nouveau\n\n- un']));
    const [, heading, list] = doc.children as DiffBlock[];
    expect(heading!.tag).toBe('heading');
    expect(runs(heading!)[0]).toEqual({ text: 'Nouveau', kind: 'added', marks: [] });
    expect(list!.tag).toBe('ul');
    expect(runs(list!)[0]!.kind).toBe('added');
  });

  it('keeps markup in the text as text, never as markup', () => {
    const doc = richDiff(ops(['insert', '<script>alert(1)</script> & co']));
    expect(text(doc)).toContain('<script>alert(1)</script> & co');
  });
});
