// The Markdown the editor hands in, tidied so that saving a text nobody changed the shape of
// does not change its bytes either (and so diffs and merges see only real edits).

/**
 * Collapses runs of blank lines to one, outside fenced code blocks; drops blank lines at the start
 * (the serializer opens a text that starts with a table with one) and trims the end. Footnotes
 * are written the Markdown way (see below).
 */
export function tidyMarkdown(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fenced = false;
  let blank = 0;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && line.trim() === '') {
      blank += 1;
      if (blank > 1) continue;
    } else blank = 0;
    out.push(line);
  }
  // A footnote ("[^1]" in the text, "[^1]: …" at the end) is plain text to the editor, which
  // escapes its brackets; written back unescaped it stays a footnote for pandoc and the exports.
  return out
    .join('\n')
    .replace(/\\\[\^([\w-]+)\\\]/g, '[^$1]')
    .replace(/^\n+/, '')
    .replace(/\s+$/, '');
}
