import type { DiffOp } from '../api/types';

// A word diff as people read it: inline (deletions struck through, insertions underlined, in
// reading order) or side by side (the old text on the left, the new on the right).

export interface Segment {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Ops as segments, neighbours of one kind joined, empty ones dropped. */
export function toSegments(ops: readonly DiffOp[]): Segment[] {
  const segments: Segment[] = [];
  for (const op of ops) {
    if (op.text === '') continue;
    const kind = op.op === 'equal' ? 'same' : op.op === 'insert' ? 'added' : 'removed';
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += op.text;
    else segments.push({ kind, text: op.text });
  }
  return segments;
}

/** The two sides: before keeps what was removed, after keeps what was added. */
export function splitSides(ops: readonly DiffOp[]): { before: Segment[]; after: Segment[] } {
  const segments = toSegments(ops);
  return {
    before: segments.filter((segment) => segment.kind !== 'added'),
    after: segments.filter((segment) => segment.kind !== 'removed'),
  };
}

/** How much changed: characters inserted and deleted. */
export function changeSize(ops: readonly DiffOp[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const op of ops) {
    if (op.op === 'insert') added += [...op.text].length;
    if (op.op === 'delete') removed += [...op.text].length;
  }
  return { added, removed };
}

/** Segments as text with <ins>/<del>; React escapes the text, so no markup from the content
 * ever reaches the page as HTML. */
export function DiffText({
  segments,
  labels,
}: {
  segments: readonly Segment[];
  labels: { added: string; removed: string };
}) {
  return (
    <div className="diff-text">
      {segments.map((segment, index) =>
        segment.kind === 'same' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'added' ? (
          <ins key={index}>
            <span className="sr-only">{labels.added} </span>
            {segment.text}
          </ins>
        ) : (
          <del key={index}>
            <span className="sr-only">{labels.removed} </span>
            {segment.text}
          </del>
        ),
      )}
    </div>
  );
}
