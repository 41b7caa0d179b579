// Search snippets arrive as HTML-escaped text with <mark> around the words that matched. They
// are never handed to the DOM as HTML: this reads them into plain text pieces, each marked or
// not, and React renders those as text. Any other tag, or a stray "<", stays visible text.

export interface SnippetPiece {
  text: string;
  mark: boolean;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the entities an escaper writes (&amp; &lt; &gt; &quot; &#39; &#x27;); others stay. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : entity;
    }
    return named[body.toLowerCase()] ?? entity;
  });
}

/** Splits an escaped snippet into text pieces; only <mark>…</mark> is understood. */
export function parseSnippet(html: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let mark = false;
  let text = '';
  const flush = () => {
    if (text === '') return;
    const decoded = decodeEntities(text);
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += decoded;
    else pieces.push({ text: decoded, mark });
    text = '';
  };
  const tag = /<(\/?)mark>/gi;
  let at = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    text += html.slice(at, m.index);
    at = m.index + m[0].length;
    const closing = m[1] === '/';
    // An unbalanced tag is shown as written rather than guessed at.
    if (closing !== mark) {
      text += m[0];
      continue;
    }
    flush();
    mark = !closing;
  }
  text += html.slice(at);
  flush();
  return pieces;
}
