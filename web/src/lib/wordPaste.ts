// Text copied from Word or LibreOffice arrives as HTML full of layout: a style sheet, spans with
// mso- styles, `<o:p>` paragraphs, conditional comments, bookmarks, and lists written as indented
// paragraphs with their bullet typed in. The editor keeps the structure (headings, paragraphs,
// bold, italic, lists, checklists, links, tables, footnote references) and none of the layout.
//
// This works on the clipboard's text rather than on a DOM so the same function runs in the
// browser and in the unit tests (which have no DOM). Entities are kept as written: the editor's
// own HTML parser decodes them afterwards.

/** A node of the pasted HTML: an element with its children, or text as written. */
type PastedNode = PastedElement | { kind: 'text'; text: string };

interface PastedElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: PastedNode[];
}

const voidTags = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr', 'area']);

/** Whole elements whose content is never text of the document. */
const droppedTags = new Set([
  'head',
  'style',
  'script',
  'title',
  'meta',
  'link',
  'xml',
  'colgroup',
  'col',
  'hr',
  'object',
  'embed',
  'iframe',
  'input',
]);

/** Elements kept as they are (their attributes filtered). */
const keptTags = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'strong',
  'em',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'br',
  'blockquote',
  'code',
  'pre',
  'img',
]);

const renamedTags: Record<string, string> = {
  b: 'strong',
  i: 'em',
  strike: 's',
  del: 's',
  h5: 'h4',
  h6: 'h4',
  tfoot: 'tbody',
};

const keptAttrs: Record<string, string[]> = {
  a: ['href'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  img: ['src', 'alt'],
  ol: ['start'],
  ul: ['data-type'],
  li: ['data-type', 'data-checked'],
};

/** Whether pasted HTML comes from Word, LibreOffice or another office suite. */
export function isOfficeHtml(html: string): boolean {
  return (
    /urn:schemas-microsoft-com:office|class=["']?Mso|mso-[a-z-]+\s*:|<o:p\b/i.test(html) ||
    /<meta[^>]+name=["']?generator["']?[^>]+content=["']?(LibreOffice|OpenOffice)/i.test(html) ||
    /<meta[^>]+content=["']?(LibreOffice|OpenOffice)[^>]+name=["']?generator/i.test(html)
  );
}

/** Which office suite wrote pasted HTML, to tell the person their paste was cleaned. */
export function officeSuiteOf(html: string): 'Word' | 'LibreOffice' | null {
  if (!isOfficeHtml(html)) return null;
  return /LibreOffice|OpenOffice/i.test(html) && !/urn:schemas-microsoft-com/i.test(html)
    ? 'LibreOffice'
    : 'Word';
}

/** The pasted HTML cleaned when it comes from an office suite; anything else as it came. */
export function transformPastedHtml(html: string): string {
  return isOfficeHtml(html) ? cleanOfficeHtml(html) : html;
}

/** Word's or LibreOffice's clipboard HTML reduced to the structure the editor keeps. */
export function cleanOfficeHtml(html: string): string {
  const tree = parse(stripNoise(fragmentOf(html)));
  const footnotes: PastedNode[][] = [];
  const body = cleanChildren(tree, footnotes);
  const notes = footnotes.map((note) => element('p', {}, note));
  return serialize(groupChecklists(groupWordLists(body)).concat(notes));
}

// ---- reading the clipboard's HTML ---------------------------------------------------------

/** What was copied: between Word's fragment markers, or the body, or all of it. */
function fragmentOf(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  if (start >= 0 && end > start) return html.slice(start + '<!--StartFragment-->'.length, end);
  const body = /<body[^>]*>([\s\S]*?)(<\/body>|$)/i.exec(html);
  return body ? body[1]! : html;
}

/** Removes what is no part of the text: comments and the conditional blocks Word writes. */
function stripNoise(html: string): string {
  return (
    html
      // Downlevel-hidden blocks (VML shapes, Word's settings): their content goes with them.
      .replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '')
      // Downlevel-revealed markers (around a list's bullet, a footnote's number): only the marks.
      .replace(/<!--\[if[^\]]*\]-->|<!--\[endif\]-->|<!\[if[^\]]*\]>|<!\[endif\]>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\?xml[^>]*>/gi, '')
      .replace(/<!DOCTYPE[^>]*>/gi, '')
  );
}

const tagPattern =
  /<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const attrPattern = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(attrPattern)) {
    attrs[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

/** A forgiving HTML reader: unclosed elements close with their parent, stray end tags go. */
function parse(html: string): PastedNode[] {
  const root: PastedElement = { kind: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: PastedElement[] = [root];
  let last = 0;
  const text = (value: string) => {
    if (value !== '') stack[stack.length - 1]!.children.push({ kind: 'text', text: value });
  };
  for (const m of html.matchAll(tagPattern)) {
    text(html.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[2]!.toLowerCase();
    if (m[1] === '/') {
      const open = stack.findLastIndex((item) => item.tag === tag);
      if (open > 0) stack.length = open;
      continue;
    }
    closeImplied(stack, tag);
    const node = element(tag, parseAttrs(m[3] ?? ''), []);
    stack[stack.length - 1]!.children.push(node);
    if (!voidTags.has(tag) && m[4] !== '/') stack.push(node);
  }
  text(html.slice(last));
  return root.children;
}

// HTML lets some end tags be left out (LibreOffice leaves out </li>): a new item closes the last
// one within the same list, a new cell the last cell of its row, a block an open paragraph.
const impliedEnds: Record<string, { same: string[]; scope: string[] }> = {
  li: { same: ['li'], scope: ['ul', 'ol'] },
  tr: { same: ['tr'], scope: ['table', 'tbody', 'thead', 'tfoot'] },
  td: { same: ['td', 'th'], scope: ['tr', 'table'] },
  th: { same: ['td', 'th'], scope: ['tr', 'table'] },
};
const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'div']);

function closeImplied(stack: PastedElement[], tag: string) {
  if (blockTags.has(tag) && stack[stack.length - 1]!.tag === 'p') stack.pop();
  const rule = impliedEnds[tag];
  if (!rule) return;
  for (let at = stack.length - 1; at > 0; at -= 1) {
    const open = stack[at]!.tag;
    if (rule.scope.includes(open)) return;
    if (rule.same.includes(open)) {
      stack.length = at;
      return;
    }
  }
}

function element(tag: string, attrs: Record<string, string>, children: PastedNode[]) {
  return { kind: 'element', tag, attrs, children } satisfies PastedElement;
}

// ---- cleaning -----------------------------------------------------------------------------

const style = (node: PastedElement) => (node.attrs.style ?? '').toLowerCase();

/** The text of a node as written (entities not decoded). */
function textOf(node: PastedNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textOf).join('');
}

/** Whether a text as written holds nothing a reader sees. */
function isBlank(text: string): boolean {
  return text.replace(/&nbsp;|&#160;|&#xa0;|\u00a0|\s/gi, '') === '';
}

/** A footnote (or endnote) number from the link Word or LibreOffice writes for it. */
function noteLabel(node: PastedElement): { label: string; isAnchor: boolean } | null {
  const href = node.attrs.href ?? '';
  const name = node.attrs.name ?? '';
  // Word: the call links to "#_ftn1" (named "_ftnref1"); the note links back to "#_ftnref1".
  const word = /^#_(ftn|edn)(ref)?(\d+)$/i.exec(href);
  if (word) {
    const label = (word[1]!.toLowerCase() === 'edn' ? 'e' : '') + word[3]!;
    return { label, isAnchor: word[2] === undefined && !/_(ftn|edn)\d+$/i.test(name) };
  }
  // LibreOffice: the call links to "#sdfootnote1sym"; the note links back to "#sdfootnote1anc".
  const office = /^#sd(footnote|endnote)(\d+)(sym|anc)$/i.exec(href);
  if (office) {
    const label = (office[1]!.toLowerCase() === 'endnote' ? 'e' : '') + office[2]!;
    return { label, isAnchor: office[3]!.toLowerCase() === 'sym' };
  }
  return null;
}

/** Whether an element is the list of notes at the end of a Word or LibreOffice fragment. */
function isNoteBlock(node: PastedElement): boolean {
  return (
    /mso-element:\s*(footnote|endnote)\s*(;|$)/.test(style(node)) ||
    /^sd(footnote|endnote)\d+$/i.test(node.attrs.id ?? '')
  );
}

function cleanChildren(nodes: PastedNode[], notes: PastedNode[][]): PastedNode[] {
  return nodes.flatMap((node) => cleanNode(node, notes));
}

function cleanNode(node: PastedNode, notes: PastedNode[][]): PastedNode[] {
  if (node.kind === 'text') return [node];
  const { tag } = node;
  // Office's own elements (<o:p>, <v:shape>, <w:data>) are never text; a content control
  // (<w:sdt>, a checkbox) or a smart tag (<st1:place>) keeps the text it wraps.
  if (droppedTags.has(tag) || (/^[ovw]:/.test(tag) && tag !== 'w:sdt')) return [];
  const css = style(node);
  if (/display:\s*none|mso-list:\s*ignore|mso-hide:\s*all/.test(css)) return [];
  if (isNoteBlock(node)) {
    // The note's own paragraphs, with its number said the Markdown way: "[^1]: text".
    const body = cleanChildren(node.children, []).flatMap((child) =>
      child.kind === 'element' && child.tag === 'p' ? child.children : [child],
    );
    const trimmed = trimTrailingSpace(trimLeadingSpace(body));
    if (trimmed.length > 0) notes.push(trimmed);
    return [];
  }
  if (tag === 'a') {
    const note = noteLabel(node);
    if (note)
      return [{ kind: 'text', text: note.isAnchor ? `[^${note.label}]` : `[^${note.label}]: ` }];
    const href = node.attrs.href ?? '';
    // A bookmark (<a name="_Toc…">) or a link inside the document keeps only its text.
    if (href === '' || href.startsWith('#') || !/^(https?:|mailto:|tel:)/i.test(href)) {
      return cleanChildren(node.children, notes);
    }
  }
  // Word's page break and the break before its notes are layout, not a line of the text.
  if (tag === 'br' && (node.attrs.clear !== undefined || /page-break/.test(css))) return [];
  if (tag === 'img' && !/^(https?:|data:image\/)/i.test(node.attrs.src ?? '')) return [];
  // Word's "Title" and "Subtitle" styles are headings in all but name.
  const className = node.attrs.class ?? '';
  let kept = renamedTags[tag] ?? tag;
  if (tag === 'p' && /\bMsoTitle\b/.test(className)) kept = 'h1';
  if (tag === 'p' && /\bMsoSubtitle\b/.test(className)) kept = 'h2';
  // Google Docs and some Word versions wrap everything in a <b style="font-weight:normal">.
  if (kept === 'strong' && /font-weight:\s*(normal|400)/.test(css)) kept = 'span';
  let children = cleanChildren(node.children, notes);
  if (!keptTags.has(kept)) {
    // Spans and fonts go, but a bold or italic set by their style is kept as such.
    if (kept === 'span' || kept === 'font') {
      if (/font-style:\s*italic/.test(css)) children = [element('em', {}, children)];
      if (/font-weight:\s*(bold|[6-9]00)/.test(css)) children = [element('strong', {}, children)];
    }
    return children;
  }
  if (['p', 'h1', 'h2', 'h3', 'h4', 'li'].includes(kept)) {
    const hasImage = children.some(
      (child) => child.kind === 'element' && (child.tag === 'img' || child.tag === 'table'),
    );
    if (!hasImage && isBlank(children.map(textOf).join(''))) return [];
  }
  if (['strong', 'em', 'u', 's', 'a'].includes(kept) && children.length === 0) return [];
  const attrs: Record<string, string> = {};
  for (const name of keptAttrs[kept] ?? []) {
    if (node.attrs[name] !== undefined) attrs[name] = node.attrs[name]!;
  }
  const blockLike = ['p', 'h1', 'h2', 'h3', 'h4'].includes(kept);
  const cleaned = element(kept, attrs, blockLike ? trimTrailingSpace(children) : children);
  if (kept === 'table') return [withHeaderRow(cleaned)];
  const list = /mso-list:\s*(l\d+)\s+level(\d+)/.exec(css);
  if (kept === 'p' && list) {
    return [
      {
        ...cleaned,
        attrs: { 'data-word-list': list[1]!, 'data-word-level': list[2]! },
        children: markerLess(node, notes),
      },
    ];
  }
  return [cleaned];
}

/**
 * A table's first row as its header, as Markdown writes every table (a header row of empty cells
 * otherwise). Word marks that row bold by hand: the bold goes, the header cells say it.
 */
function withHeaderRow(table: PastedElement): PastedElement {
  const rows = table.children.flatMap((child) =>
    child.kind === 'element' && child.tag === 'tbody' ? child.children : [child],
  );
  const first = rows.find(
    (row): row is PastedElement => row.kind === 'element' && row.tag === 'tr',
  );
  if (!first || first.children.some((cell) => cell.kind === 'element' && cell.tag === 'th')) {
    return table;
  }
  const header = element(
    'tr',
    {},
    first.children.map((cell) =>
      cell.kind === 'element' && cell.tag === 'td'
        ? { ...cell, tag: 'th', children: unbolded(cell.children) }
        : cell,
    ),
  );
  return element(
    'table',
    table.attrs,
    rows.map((row) => (row === first ? header : row)),
  );
}

/** A cell's paragraphs without the bold that wraps each of them whole. */
function unbolded(nodes: PastedNode[]): PastedNode[] {
  return nodes.map((node) => {
    if (node.kind !== 'element' || node.tag !== 'p') return node;
    const inner = node.children.filter((child) => child.kind === 'element' || !isBlank(child.text));
    const only = inner[0];
    return inner.length === 1 && only?.kind === 'element' && only.tag === 'strong'
      ? { ...node, children: only.children }
      : node;
  });
}

function trimTrailingSpace(nodes: PastedNode[]): PastedNode[] {
  const last = nodes[nodes.length - 1];
  if (last?.kind !== 'text') return nodes;
  const text = last.text.replace(/(\s|&nbsp;|&#160;)+$/, '');
  const rest = nodes.slice(0, -1);
  return text === '' ? trimTrailingSpace(rest) : [...rest, { kind: 'text', text }];
}

function trimLeadingSpace(nodes: PastedNode[]): PastedNode[] {
  const [first, ...rest] = nodes;
  if (first?.kind !== 'text') return nodes;
  const text = first.text.replace(/^(\s|&nbsp;|&#160;)+/, '');
  return text === '' ? trimLeadingSpace(rest) : [{ kind: 'text', text }, ...rest];
}

// ---- Word's lists: paragraphs with a typed bullet become real lists --------------------------

interface ListParagraph {
  level: number;
  ordered: boolean;
  children: PastedNode[];
}

/** The marker Word typed before a list paragraph ("·", "o", "1.", "a)"), as text. */
function markerOf(node: PastedElement): string | null {
  for (const child of node.children) {
    if (child.kind !== 'element') continue;
    if (/mso-list:\s*ignore/.test(style(child))) {
      // The marker's own text, without the spacing span that follows it.
      const own = child.children
        .filter((c) => c.kind === 'text')
        .map(textOf)
        .join('');
      return own.replace(/&nbsp;|&#160;|\s/g, '');
    }
    const inner = markerOf(child);
    if (inner !== null) return inner;
  }
  return null;
}

// The paragraph's content without its marker; its marker tells the kind of list.
function markerLess(node: PastedElement, notes: PastedNode[][]): PastedNode[] {
  const marker = markerOf(node) ?? '';
  const children = trimLeadingSpace(cleanChildren(node.children, notes));
  const checked = /^[þýx☒☑]$/i.test(marker) && wingdings(node);
  const unchecked = /^[¨oq☐□]$/.test(marker) && wingdings(node);
  if (checked || unchecked) return [{ kind: 'text', text: checked ? '☒ ' : '☐ ' }, ...children];
  const ordered = /^\(?([0-9]+|[a-z]{1,3}|[ivxlcdm]+)[.)]$/i.test(marker);
  return [element(ordered ? 'ol' : 'ul', {}, []), ...children];
}

function wingdings(node: PastedNode): boolean {
  if (node.kind === 'text') return false;
  return /font-family:\s*["']?wingdings/.test(style(node)) || node.children.some(wingdings);
}

function wordListParagraph(node: PastedNode): PastedElement | null {
  return node.kind === 'element' && node.attrs['data-word-list'] !== undefined ? node : null;
}

/** Consecutive list paragraphs (at any depth) become nested <ul>/<ol> with their items. */
function groupWordLists(nodes: PastedNode[]): PastedNode[] {
  const out: PastedNode[] = [];
  let run: ListParagraph[] = [];
  const flush = () => {
    if (run.length > 0) out.push(...buildLists(run));
    run = [];
  };
  for (const node of nodes) {
    const paragraph = wordListParagraph(node);
    if (paragraph) {
      const [kind, ...children] = paragraph.children;
      const isChecklist = kind?.kind === 'text';
      run.push({
        level: Number(paragraph.attrs['data-word-level']) || 1,
        ordered: kind?.kind === 'element' && kind.tag === 'ol',
        children: isChecklist ? paragraph.children : children,
      });
      continue;
    }
    // Word writes line breaks between paragraphs; they do not end a list.
    if (node.kind === 'text' && isBlank(node.text) && run.length > 0) continue;
    flush();
    out.push(node.kind === 'element' ? { ...node, children: groupWordLists(node.children) } : node);
  }
  flush();
  return out;
}

function buildLists(items: ListParagraph[]): PastedNode[] {
  const out: PastedNode[] = [];
  let index = 0;
  while (index < items.length) {
    const first = items[index]!;
    const list = element(first.ordered ? 'ol' : 'ul', {}, []);
    const level = first.level;
    while (index < items.length && items[index]!.level >= level) {
      const item = items[index]!;
      if (item.level > level) {
        // A deeper run nests in the last item (or an empty one when the list starts deeper).
        const end = items.findIndex((other, at) => at > index && other.level <= level);
        const nested = buildLists(items.slice(index, end < 0 ? items.length : end));
        let last = list.children[list.children.length - 1] as PastedElement | undefined;
        if (!last) {
          last = element('li', {}, []);
          list.children.push(last);
        }
        last.children.push(...nested);
        index = end < 0 ? items.length : end;
        continue;
      }
      if (item.ordered !== first.ordered && list.children.length > 0) break;
      list.children.push(element('li', {}, [element('p', {}, item.children)]));
      index += 1;
    }
    out.push(list);
  }
  return out;
}

// ---- checklists: ☐ / ☒ at the start of a paragraph or a list item ---------------------------

const boxPattern = /^(\s|&nbsp;|&#160;)*([☐☒☑□])(\s|&nbsp;|&#160;)*/;

/** The box a paragraph starts with, and the paragraph without it. */
function checkbox(node: PastedNode): { checked: boolean; rest: PastedNode[] } | null {
  if (node.kind !== 'element' || node.tag !== 'p') return null;
  const first = node.children[0];
  const match = first?.kind === 'text' ? boxPattern.exec(first.text) : null;
  if (!first || !match || first.kind !== 'text') return null;
  const text = first.text.slice(match[0].length);
  return {
    checked: match[2] !== '☐' && match[2] !== '□',
    rest: trimLeadingSpace([{ kind: 'text', text }, ...node.children.slice(1)]),
  };
}

function taskItem(box: { checked: boolean; rest: PastedNode[] }): PastedElement {
  return element('li', { 'data-type': 'taskItem', 'data-checked': String(box.checked) }, [
    element('p', {}, box.rest),
  ]);
}

/** Runs of boxed paragraphs, and lists whose every item is boxed, become checklists. */
function groupChecklists(nodes: PastedNode[]): PastedNode[] {
  const out: PastedNode[] = [];
  let run: PastedElement[] = [];
  const flush = () => {
    if (run.length > 0) out.push(element('ul', { 'data-type': 'taskList' }, run));
    run = [];
  };
  for (const node of nodes) {
    const box = checkbox(node);
    if (box) {
      run.push(taskItem(box));
      continue;
    }
    if (node.kind === 'text' && isBlank(node.text) && run.length > 0) continue;
    flush();
    if (node.kind === 'text') {
      out.push(node);
      continue;
    }
    if (node.tag === 'ul' || node.tag === 'ol') {
      const boxes = node.children.map((item) =>
        item.kind === 'element' && item.tag === 'li' && item.children.length === 1
          ? checkbox(item.children[0]!)
          : null,
      );
      if (boxes.length > 0 && boxes.every((box) => box !== null)) {
        out.push(
          element(
            'ul',
            { 'data-type': 'taskList' },
            boxes.map((box) => taskItem(box!)),
          ),
        );
        continue;
      }
    }
    out.push({ ...node, children: groupChecklists(node.children) });
  }
  flush();
  return out;
}

// ---- writing the HTML back ------------------------------------------------------------------

function serialize(nodes: PastedNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text.replace(/\r\n?/g, '\n');
      const attrs = Object.entries(node.attrs)
        .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
        .join('');
      if (voidTags.has(node.tag)) return `<${node.tag}${attrs}>`;
      return `<${node.tag}${attrs}>${serialize(node.children)}</${node.tag}>`;
    })
    .join('');
}
