import { readFileSync } from 'node:fs';
import { MarkdownManager } from '@tiptap/markdown';
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../content/editorSchema';
import { cleanOfficeHtml, isOfficeHtml, officeSuiteOf, transformPastedHtml } from './wordPaste';

// Clipboard payloads as Word (text/html flavour, Windows) and LibreOffice Writer put them on the
// clipboard, for one short document with every construct the editor keeps.
const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const word = fixture('word-clipboard.html');
const libreOffice = fixture('libreoffice-clipboard.html');

/** The HTML with runs of white space made one space, and none between tags. */
const squeeze = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();

describe('isOfficeHtml', () => {
  it('recognises Word and LibreOffice, and leaves other HTML alone', () => {
    expect(isOfficeHtml(word)).toBe(true);
    expect(isOfficeHtml(libreOffice)).toBe(true);
    expect(isOfficeHtml('<p data-pm-slice="1 1 []">Du <strong>texte</strong></p>')).toBe(false);
    expect(officeSuiteOf(word)).toBe('Word');
    expect(officeSuiteOf(libreOffice)).toBe('LibreOffice');
    const own = '<ul data-type="taskList"><li data-checked="true">a</li></ul>';
    expect(transformPastedHtml(own)).toBe(own);
  });
});

describe.each([
  ['Word', word],
  ['LibreOffice', libreOffice],
])('a paste from %s', (_name, payload) => {
  const html = squeeze(cleanOfficeHtml(payload));

  it('drops the layout: styles, classes, spans, fonts, Office elements, comments', () => {
    expect(html).not.toMatch(/style=|class=|<span|<font|<o:p|<!--|<!\[|mso-|lang=|<meta|<sup/i);
    expect(html).not.toMatch(/@font-face|OfficeDocumentSettings|Liberation Serif/);
  });

  it('drops the empty paragraphs and the bookmarks', () => {
    expect(html).not.toMatch(/<p>(\s|&nbsp;|<br>)*<\/p>/);
    expect(html).not.toMatch(/name=|_Toc|__RefHeading/);
  });

  it('keeps headings, bold, italic and links', () => {
    expect(html).toContain('<h1>Offre Gaz Vert 2027</h1>');
    expect(html).toContain('<h2>Ce qui change</h2>');
    expect(html).toContain('<strong>100&nbsp;% renouvelable</strong>');
    expect(html).toContain('<em>janvier</em>');
    expect(html).toContain('<a href="https://www.example.com/gaz-vert">la page de l’offre</a>');
  });

  it('makes real lists, nested where the document nests them', () => {
    expect(html).toContain(
      '<ul><li><p>Un prix fixe pendant deux ans</p><ul><li><p>sans frais de résiliation</p></li></ul></li>' +
        '<li><p>Une <strong>garantie d’origine</strong> pour chaque kWh</p></li></ul>',
    );
    expect(html).toContain(
      '<ol><li><p>Validation juridique</p></li><li><p>Envoi aux clients</p></li></ol>',
    );
    // Not a bullet typed in, nor Word's spacing after it.
    expect(html).not.toMatch(/·|>o\s|1\.\s*Validation/);
  });

  it('makes a checklist of boxed paragraphs', () => {
    expect(html).toContain(
      '<ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>Visuels reçus</p></li>' +
        '<li data-type="taskItem" data-checked="false"><p>Relecture de la DRH</p></li></ul>',
    );
  });

  it('keeps the table, cell by cell, its first row as the header', () => {
    expect(html).toContain(
      '<table><tr><th><p>Offre</p></th><th><p>Prix du kWh</p></th></tr><tr><td><p>Gaz Vert</p></td><td><p>0,12&nbsp;€</p></td></tr></table>',
    );
  });

  it('keeps the footnote: its call in the text, its note at the end, the Markdown way', () => {
    expect(html).toContain('pour tous les clients[^1].');
    expect(html).toMatch(/<p>\[\^1\]: ?Hors clients professionnels\.<\/p>$/);
  });
});

describe('the editor', () => {
  const markdown = new MarkdownManager({ extensions: richTextExtensions });

  it('reads what is left as the same structure from both suites', () => {
    // The editor's parser needs a DOM; the structure is compared on the cleaned HTML's shape.
    const shape = (payload: string) =>
      squeeze(cleanOfficeHtml(payload))
        .replace(/<\/?tbody>/g, '')
        .replace(/\]: /g, ']:');
    expect(shape(word)).toBe(shape(libreOffice));
  });

  it('writes a checklist the way the saved Markdown keeps it', () => {
    const doc = markdown.parse('- [x] Visuels reçus\n- [ ] Relecture de la DRH');
    expect(markdown.serialize(doc)).toContain('- [x] Visuels reçus');
  });
});

describe('Word’s list markers', () => {
  const list = (marker: string, level = 1, font = 'Symbol') =>
    `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='font-family:${font}'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Point ${marker}<o:p></o:p></p>`;

  it('reads a letter or a roman number as an ordered list', () => {
    expect(squeeze(cleanOfficeHtml(list('a)') + list('b)')))).toBe(
      '<ol><li><p>Point a)</p></li><li><p>Point b)</p></li></ol>',
    );
    expect(squeeze(cleanOfficeHtml(list('iv.')))).toBe('<ol><li><p>Point iv.</p></li></ol>');
  });

  it('reads Wingdings boxes as a checklist', () => {
    expect(squeeze(cleanOfficeHtml(list('¨', 1, 'Wingdings') + list('þ', 1, 'Wingdings')))).toBe(
      '<ul data-type="taskList"><li data-type="taskItem" data-checked="false"><p>Point ¨</p></li>' +
        '<li data-type="taskItem" data-checked="true"><p>Point þ</p></li></ul>',
    );
  });

  it('makes a list of items copied from one level down', () => {
    expect(squeeze(cleanOfficeHtml(list('o', 2) + list('o', 2)))).toBe(
      '<ul><li><p>Point o</p></li><li><p>Point o</p></li></ul>',
    );
  });
});
