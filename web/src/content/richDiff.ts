import { MarkdownManager } from '@tiptap/markdown';
import type { JSONContent } from '@tiptap/core';
import type { Segment } from './diff';
import { richTextExtensions } from './editorSchema';

// The diff of a rich-text field as people read the text: rendered (headings, lists, bold…) with
// what was added and removed marked, not the Markdown source with its "##" and "**". The word
// diff is made on the source; each changed stretch is wrapped in private-use markers, the whole is
// parsed as the editor parses it, and the markers become insertions and deletions again while
// the parsed document is walked. Nothing is ever turned into HTML from text: the result is a
// tree the page renders with React, which escapes every word.

const openAdded = '\uE000';
const openRemoved = '\uE001';
const close = '\uE002';
const markers = /[\uE000-\uE002]/g;

/** A run of text with its marks, and whether it was added, removed or kept. */
export interface DiffRun {
  text: string;
  kind: Segment['kind'];
  marks: string[];
}

/** A block of the rendered text (a paragraph, a heading, a list item…), or a line break. */
export interface DiffBlock {
  tag: string;
  /** A heading's level, a checklist item's state. */
  level?: number;
  checked?: boolean;
  children: (DiffBlock | DiffRun)[];
}

export function isRun(node: DiffBlock | DiffRun): node is DiffRun {
  return 'text' in node;
}

// Markup that opens a line ("## ", "- ", "1. ", "> ", "- [ ] "): a marker put before it would
// stop it being read as a heading or a list, so the marker goes after it.
const linePrefix =
  /^(?:[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d+[.)][ \t]+|>[ \t]?))+/;

/** The segments as one Markdown text, changed stretches between markers, line by line. */
export function markedMarkdown(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    const text = segment.text.replace(markers, '');
    if (segment.kind === 'same') {
      out += text;
      continue;
    }
    const open = segment.kind === 'added' ? openAdded : openRemoved;
    text.split('\n').forEach((line, index) => {
      if (index > 0) out += '\n';
      let rest = line;
      if (out === '' || out.endsWith('\n')) {
        const prefix = linePrefix.exec(rest)?.[0] ?? '';
        out += prefix;
        rest = rest.slice(prefix.length);
      }
      if (rest !== '') out += open + rest + close;
    });
  }
  return out;
}

const parser = new MarkdownManager({ extensions: richTextExtensions });

const blockTag: Record<string, string> = {
  paragraph: 'p',
  heading: 'heading',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  taskList: 'ul',
  taskItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
  horizontalRule: 'hr',
  hardBreak: 'br',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};

/** The rendered text of the segments, as blocks of runs. */
export function richDiff(segments: readonly Segment[]): DiffBlock {
  const doc = parser.parse(markedMarkdown(segments));
  let kind: Segment['kind'] = 'same';

  const runsOf = (text: string, marks: string[]): DiffRun[] => {
    const runs: DiffRun[] = [];
    let current = '';
    const flush = () => {
      if (current !== '') runs.push({ text: current, kind, marks });
      current = '';
    };
    for (const char of text) {
      if (char === openAdded || char === openRemoved || char === close) {
        flush();
        kind = char === openAdded ? 'added' : char === openRemoved ? 'removed' : 'same';
      } else current += char;
    }
    flush();
    return runs;
  };

  const walk = (node: JSONContent): (DiffBlock | DiffRun)[] => {
    if (node.type === 'text') {
      return runsOf(
        node.text ?? '',
        (node.marks ?? []).map((mark) => mark.type),
      );
    }
    if (node.type === 'image') {
      const alt = String(node.attrs?.alt ?? node.attrs?.src ?? '').replace(markers, '');
      return [{ text: `[${alt}]`, kind, marks: ['image'] }];
    }
    const children = (node.content ?? []).flatMap(walk);
    const tag = node.type ? blockTag[node.type] : undefined;
    if (!tag) return children;
    const block: DiffBlock = { tag, children };
    if (node.type === 'heading') block.level = Number(node.attrs?.level ?? 2);
    if (node.type === 'taskItem') block.checked = node.attrs?.checked === true;
    return [block];
  };

  return { tag: 'div', children: walk(doc) };
}
