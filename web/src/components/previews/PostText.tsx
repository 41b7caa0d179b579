import { useState } from 'react';
import { splitAtHook, textPieces, xDisplayUrl } from '../../lib/variants';
import type { NetworkRules } from '../../api/types';

/**
 * A post's text as its feed shows it: links, hashtags and mentions coloured, folded at the
 * network's hook with its "…see more" (which unfolds it, as in the feed).
 */
export function PostText({
  text,
  rules,
  more,
  over = '',
  className = 'preview-text',
  lead,
}: {
  text: string;
  rules: NetworkRules;
  /** The network's own words for the fold ("…see more"). */
  more: string;
  /** Said to a screen reader before the part of an X post past its limit. */
  over?: string;
  className?: string;
  /** Something before the text on its first line (Instagram's page name). */
  lead?: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { shown, rest } = splitAtHook(text, rules);
  if (rules.network === 'x') {
    // X does not fold: what fits is the post, the rest would be refused.
    return (
      <p className={className}>
        {lead}
        <Pieces text={shown} x />
        {rest && (
          <span className="preview-over">
            <span className="sr-only">{over} </span>
            {rest}
          </span>
        )}
      </p>
    );
  }
  const folded = rest !== '' && !open;
  return (
    <p className={className}>
      {lead}
      <Pieces text={folded ? shown : text} x={false} />
      {folded && (
        <>
          {' '}
          <button type="button" className="preview-more" onClick={() => setOpen(true)}>
            {more}
          </button>
        </>
      )}
    </p>
  );
}

function Pieces({ text, x }: { text: string; x: boolean }) {
  return (
    <>
      {textPieces(text).map((piece, index) =>
        piece.kind === 'plain' ? (
          <span key={index}>{piece.text}</span>
        ) : (
          <span key={index} className={`preview-entity preview-${piece.kind}`}>
            {x && piece.kind === 'url' ? xDisplayUrl(piece.text) : piece.text}
          </span>
        ),
      )}
    </>
  );
}
