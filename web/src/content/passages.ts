// Finding a commented passage again in a field's text, to highlight it. The server keeps each
// anchor's quote and its offset in the stored text (in characters, i.e. code points); the text on
// screen may have moved on since (typing not yet saved), and a rich text field shows its Markdown
// without the markup. So the quote is searched for, and where it appears more than once, the
// occurrence nearest to where the anchor says it is wins. Not found: no highlight, no error.

/** A passage of a text, as UTF-16 indices (what `String.slice` takes). */
export interface Span {
  from: number;
  to: number;
}

/** Every place `quote` starts in `text`, in UTF-16 indices. */
export function findAll(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote === '') return found;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

const astral = /[\uD800-\uDBFF]/;

/** The UTF-16 index of the `codePoints`-th character of `text` (the server counts characters). */
export function codePointIndex(text: string, codePoints: number): number {
  // Most texts have no character outside the basic plane: counting is then needless.
  if (!astral.test(text)) return Math.min(codePoints, text.length);
  let index = 0;
  for (let seen = 0; seen < codePoints && index < text.length; seen += 1) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}

/** The occurrence of `quote` in `text` nearest to `near` (a UTF-16 index); null when absent. */
export function locateQuote(text: string, quote: string, near: number): Span | null {
  return nearestOf(findAll(text, quote), quote, near);
}

function nearestOf(found: number[], quote: string, near: number): Span | null {
  if (found.length === 0) return null;
  const best = found[nearestRank(found, near)]!;
  return { from: best, to: best + quote.length };
}

/**
 * Where in `shown` (the text on screen) to look for a passage that is at `offset` characters of
 * `source` (the stored text it was anchored in). When both hold the quote as many times, it is
 * the same occurrence, counted from the start (Markdown markup before it shifts offsets, not the
 * order of occurrences); otherwise the offset is scaled by the texts' lengths.
 */
export function expectedIndex(
  source: string,
  shown: string,
  quote: string,
  offset: number,
): number {
  return expectedAt(source, shown, quote, codePointIndex(source, offset), findAll(shown, quote));
}

function expectedAt(
  source: string,
  shown: string,
  quote: string,
  inSource: number,
  shownHits: number[],
): number {
  if (source === shown) return inSource;
  const sourceHits = findAll(source, quote);
  if (sourceHits.length > 0 && shownHits.length === sourceHits.length) {
    return shownHits[nearestRank(sourceHits, inSource)]!;
  }
  return source.length === 0 ? 0 : Math.round((inSource * shown.length) / source.length);
}

function nearestRank(hits: number[], near: number): number {
  let rank = 0;
  for (let i = 1; i < hits.length; i += 1) {
    if (Math.abs(hits[i]! - near) < Math.abs(hits[rank]! - near)) rank = i;
  }
  return rank;
}

/** What a field shows of an open thread: its id and its anchor's quote and offset. */
export interface PassageMark {
  thread: string;
  quote: string;
  offset: number;
}

/**
 * Each mark's passage in `shown`, skipping those not found; `source` is the stored text. A few
 * native searches per mark, nothing more: this runs on texts of thousands of words.
 */
export function locateMarks(
  source: string,
  shown: string,
  marks: readonly PassageMark[],
): (Span & { thread: string })[] {
  const spans: (Span & { thread: string })[] = [];
  const counted = astral.test(source);
  const same = source === shown;
  for (const mark of marks) {
    const hits = findAll(shown, mark.quote);
    if (hits.length === 0) continue;
    const inSource = counted ? codePointIndex(source, mark.offset) : mark.offset;
    const near = same ? inSource : expectedAt(source, shown, mark.quote, inSource, hits);
    const span = nearestOf(hits, mark.quote, near);
    if (span) spans.push({ ...span, thread: mark.thread });
  }
  return spans;
}
