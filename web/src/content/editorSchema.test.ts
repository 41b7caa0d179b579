import { MarkdownManager } from '@tiptap/markdown';
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from './editorSchema';
import { tidyMarkdown } from './markdown';

// Opening a text in the editor and saving it unchanged must give back the same Markdown: every
// construct people write survives, byte for byte (diffs, merges and approvals see only real edits).
const markdown = new MarkdownManager({ extensions: richTextExtensions });
const roundTrip = (text: string) => tidyMarkdown(markdown.serialize(markdown.parse(text)));

describe('rich text Markdown round trip', () => {
  it.each([
    ['headings and paragraphs', '# Titre\n\nUn paragraphe.\n\n## Sous-titre\n\nUn autre.'],
    [
      'emphasis, links and code',
      'Du **gras**, de l’*italique*, un [lien](https://example.com) et du `code`.',
    ],
    ['bullet and ordered lists', '- un\n- deux\n\n1. premier\n2. second'],
    ['checklists', '- [ ] brief\n- [x] visuels\n- [ ] relecture juridique'],
    ['quotes', '> Une citation.'],
    // Tables as the editor writes them: columns padded to their widest cell.
    ['tables', '| Offre | Prix |\n| ----- | ---- |\n| Gaz   | 12 € |'],
    ['images', '![Compteur](https://example.com/compteur.png)'],
    ['code blocks', '```\nligne 1\nligne 2\n```'],
    // Pandoc's footnotes (an import, a paste from Word): the call and the note stay Markdown's.
    ['footnotes', 'Pour tous les clients[^1].\n\n[^1]: Hors clients professionnels.'],
  ])('keeps %s', (_name, text) => {
    expect(roundTrip(text)).toBe(text);
  });

  it('settles a table typed by hand after one pass, cells intact', () => {
    const once = roundTrip('| Offre | Prix |\n| --- | --- |\n| Gaz | 12 € |');
    expect(roundTrip(once)).toBe(once);
    expect(once).toContain('| Gaz   | 12 € |');
  });
});
