import { createContext, useContext, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../api/collab';
import { codePointIndex, locateQuote, type PassageMark } from '../../content/passages';

// Between the fields and the comments panel: which passages open threads, which thread is shown,
// and the two ways across — a highlight reached in the text shows its thread in the panel
// (`reveal`), a thread picked in the panel shows its passage in the text (`show`); a link to a
// thread (a mention or a reply notification) shows the thread, its passage marked (`open`).

/** The thread being shown; `from` says who asked, so the other side scrolls to it. */
export interface ShownThread {
  thread: string;
  from: 'text' | 'panel' | 'link';
  nonce: number;
}

export interface ThreadMarksValue {
  marksOf: (field: string) => readonly PassageMark[];
  shown: ShownThread | null;
  reveal: (thread: string) => void;
  show: (thread: string) => void;
  open: (thread: string) => void;
}

const none: readonly PassageMark[] = [];

export const ThreadMarksContext = createContext<ThreadMarksValue>({
  marksOf: () => none,
  shown: null,
  reveal: () => {},
  show: () => {},
  open: () => {},
});

export const useThreadMarks = () => useContext(ThreadMarksContext);

/** The open threads anchored on a passage still in the text, by field. */
export function marksByField(threads: readonly CommentThread[] | undefined) {
  const byField = new Map<string, PassageMark[]>();
  for (const thread of threads ?? []) {
    if (thread.resolved || thread.anchor_state !== 'active' || !thread.anchor) continue;
    const list = byField.get(thread.anchor.field) ?? [];
    list.push({ thread: thread.id, quote: thread.anchor.quote, offset: thread.anchor.offset });
    byField.set(thread.anchor.field, list);
  }
  return byField;
}

const snippetLength = 40;

/**
 * Beside a plain-text field (a title, a textarea, an input), where a highlight cannot be drawn
 * in the text: one marker per thread with the start of its passage. Choosing it selects the
 * passage in the field and shows the thread; a thread picked in the panel selects its passage.
 */
export function PassageMarkers({ field, text }: { field: string; text: string }) {
  const { t } = useTranslation();
  const { marksOf, shown, reveal } = useThreadMarks();
  const marks = marksOf(field);
  const spans = useMemo(
    () =>
      marks.map((mark) => ({
        mark,
        span: locateQuote(text, mark.quote, codePointIndex(text, mark.offset)),
      })),
    [marks, text],
  );

  const select = (thread: string) => {
    const found = spans.find((item) => item.mark.thread === thread)?.span;
    const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      `[data-field-key="${CSS.escape(field)}"] :is(textarea, input)`,
    );
    if (!found || !input) return;
    input.focus({ preventScroll: true });
    input.setSelectionRange(found.from, found.to);
    input.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const asked = shown?.from === 'panel' ? shown : null;
  useEffect(() => {
    if (asked && marks.some((mark) => mark.thread === asked.thread)) select(asked.thread);
    // Only a new request from the panel selects; typing must not move the selection.
  }, [asked?.nonce]);

  if (marks.length === 0) return null;
  return (
    <ul className="passage-markers" aria-label={t('collab.passages_label')}>
      {spans.map(({ mark, span }) => (
        <li key={mark.thread}>
          {/* Not a <button>: the fields' fieldset is disabled for readers, who need it most. */}
          <span
            role="button"
            tabIndex={0}
            data-thread={mark.thread}
            className={
              shown?.thread === mark.thread
                ? 'passage-marker passage-marker-active'
                : 'passage-marker'
            }
            title={mark.quote}
            onClick={() => {
              select(mark.thread);
              reveal(mark.thread);
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              select(mark.thread);
              reveal(mark.thread);
            }}
          >
            <span aria-hidden="true">💬 </span>
            {mark.quote.length > snippetLength
              ? `${mark.quote.slice(0, snippetLength)}…`
              : mark.quote}
            {span === null && <span className="muted"> {t('collab.passage_not_found')}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
