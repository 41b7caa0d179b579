import { getSchema } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from './editorSchema';
import { docText, threadDecorations } from './threadHighlights';

const schema = getSchema(richTextExtensions);
const markdown = new MarkdownManager({ extensions: richTextExtensions });
const docOf = (text: string) => PMNode.fromJSON(schema, markdown.parse(text));

const highlighted = (source: string, quote: string, offset = source.indexOf(quote)) => {
  const doc = docOf(source);
  const set = threadDecorations(doc, source, [{ thread: 't1', quote, offset }], null);
  return set.find().map((d) => doc.textBetween(d.from, d.to, '\n\n'));
};

describe('docText', () => {
  it('reads the text without markup, blocks apart by a blank line', () => {
    expect(docText(docOf('# Titre\n\nDu **gras** ici.')).text).toBe('Titre\n\nDu gras ici.');
  });
});

describe('threadDecorations', () => {
  it('highlights a quote of the Markdown in the shown text', () => {
    expect(highlighted('Les citernes gèlent en hiver.', 'gèlent en hiver')).toEqual([
      'gèlent en hiver',
    ]);
  });

  it('highlights a quote spanning two paragraphs', () => {
    expect(highlighted('Premier.\n\nSecond.', 'Premier.\n\nSecond')).toEqual([
      'Premier.\n\nSecond',
    ]);
  });

  it('highlights the right occurrence of a repeated quote after a link', () => {
    const source = 'Voir [le gaz](https://example.com/a/b/c/d/e/f) puis le gaz.';
    const doc = docOf(source);
    const set = threadDecorations(
      doc,
      source,
      [{ thread: 't1', quote: 'le gaz', offset: source.lastIndexOf('le gaz') }],
      null,
    );
    const [found] = set.find();
    expect(doc.textBetween(0, found!.from)).toBe('Voir le gaz puis ');
  });

  it('draws nothing for a quote not in the text', () => {
    expect(highlighted('Rien à voir.', 'absent', 0)).toEqual([]);
  });

  it('marks the shown thread', () => {
    const doc = docOf('Un passage.');
    const set = threadDecorations(
      doc,
      'Un passage.',
      [{ thread: 't1', quote: 'passage', offset: 3 }],
      't1',
    );
    expect(
      (set.find()[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
    ).toContain('thread-highlight-active');
  });
});
