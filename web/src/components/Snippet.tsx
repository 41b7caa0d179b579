import { useMemo } from 'react';
import { parseSnippet } from '../lib/snippet';

/** A search snippet: its text, with the matched words in <mark>; no other markup ever. */
export function Snippet({ html, className }: { html: string; className?: string }) {
  const pieces = useMemo(() => parseSnippet(html), [html]);
  return (
    <span className={className}>
      {pieces.map((piece, i) => (piece.mark ? <mark key={i}>{piece.text}</mark> : piece.text))}
    </span>
  );
}
