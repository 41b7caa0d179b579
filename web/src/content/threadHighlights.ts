import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { locateMarks, type PassageMark } from './passages';

// The passages that open comment threads, highlighted in a rich text field. Decorations are
// computed from the document's text only when the threads change, when the thread shown changes,
// or once typing pauses; each keystroke merely maps the existing ones through the change (what
// ProseMirror does for any decoration), so a long text types as fast with threads as without.

/** The text of a document as the reader sees it, with the document position of each piece. */
export interface DocText {
  text: string;
  /** Sorted by `index`: a run of text starting at `index` of `text` and at `pos` in the doc. */
  runs: { index: number; pos: number; length: number }[];
}

/** Text blocks are apart by a blank line, as in the Markdown the anchors were made on. */
export function docText(doc: PMNode): DocText {
  let text = '';
  const runs: DocText['runs'] = [];
  let blockSeen = false;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (blockSeen) text += '\n\n';
      blockSeen = true;
    } else if (node.isText) {
      runs.push({ index: text.length, pos, length: node.text!.length });
      text += node.text;
    } else if (node.type.name === 'hardBreak') {
      text += '\n';
    }
    return true;
  });
  return { text, runs };
}

/** The document position of index `index` of the text; a gap between blocks goes forward for a
 * passage's start and back for its end, so a highlight never covers a block boundary alone. */
export function docPos(shown: DocText, index: number, side: 'start' | 'end'): number | null {
  const { runs } = shown;
  let low = 0;
  let high = runs.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (runs[mid]!.index <= index) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (side === 'start') {
    const run = found >= 0 ? runs[found]! : undefined;
    if (run && index < run.index + run.length) return run.pos + (index - run.index);
    const next = runs[found + 1];
    return next ? next.pos : null;
  }
  // `index` is one past the passage's last character.
  const last = runs[found]?.index === index ? found - 1 : found;
  const run = runs[last];
  if (!run) return null;
  return run.pos + Math.min(index - run.index, run.length);
}

/** Each thread's highlight in `doc`, the shown thread's stronger. */
export function threadDecorations(
  doc: PMNode,
  source: string,
  marks: readonly PassageMark[],
  active: string | null,
): DecorationSet {
  if (marks.length === 0) return DecorationSet.empty;
  const shown = docText(doc);
  const decorations: Decoration[] = [];
  for (const span of locateMarks(source, shown.text, marks)) {
    const from = docPos(shown, span.from, 'start');
    const to = docPos(shown, span.to, 'end');
    if (from === null || to === null || to <= from) continue;
    decorations.push(
      Decoration.inline(
        from,
        to,
        {
          class:
            span.thread === active
              ? 'thread-highlight thread-highlight-active'
              : 'thread-highlight',
          'data-thread': span.thread,
        },
        { thread: span.thread },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

interface HighlightState {
  marks: readonly PassageMark[];
  source: string;
  active: string | null;
  set: DecorationSet;
  /** The document changed since the decorations were computed: they were only mapped. */
  stale: boolean;
  /** Bumped to scroll to and flash the active passage (asked from the comments panel). */
  scroll: number;
}

type Meta =
  | { kind: 'marks'; marks: readonly PassageMark[]; source: string }
  | { kind: 'active'; active: string | null; scroll: boolean }
  | { kind: 'recompute' };

export const threadHighlightKey = new PluginKey<HighlightState>('threadHighlights');

/** Gives the editor the open threads on its field, and the text their offsets refer to. */
export function setThreadMarks(view: EditorView, marks: readonly PassageMark[], source: string) {
  view.dispatch(
    view.state.tr
      .setMeta(threadHighlightKey, { kind: 'marks', marks, source } satisfies Meta)
      .setMeta('addToHistory', false),
  );
}

/** Marks the thread shown in the panel; `scroll` brings its passage into view and flashes it. */
export function setActiveThread(view: EditorView, active: string | null, scroll: boolean) {
  view.dispatch(
    view.state.tr
      .setMeta(threadHighlightKey, { kind: 'active', active, scroll } satisfies Meta)
      .setMeta('addToHistory', false),
  );
}

/** The thread whose highlight covers `pos`, if any. */
export function threadAt(state: EditorState, pos: number): string | null {
  const set = threadHighlightKey.getState(state)?.set;
  const found = set?.find(pos, pos, (spec) => typeof spec.thread === 'string');
  return (found?.[0]?.spec.thread as string | undefined) ?? null;
}

const settleDelay = 300;

function apply(tr: Transaction, value: HighlightState): HighlightState {
  const meta = tr.getMeta(threadHighlightKey) as Meta | undefined;
  if (meta?.kind === 'marks') {
    // The same threads on the same text, already placed: nothing to do (typing pauses hand in
    // the Markdown every time).
    if (meta.marks === value.marks && meta.source === value.source && !value.stale) return value;
    return {
      ...value,
      marks: meta.marks,
      source: meta.source,
      stale: false,
      set: threadDecorations(tr.doc, meta.source, meta.marks, value.active),
    };
  }
  if (meta?.kind === 'active') {
    return {
      ...value,
      active: meta.active,
      stale: false,
      scroll: meta.scroll ? value.scroll + 1 : value.scroll,
      set: threadDecorations(tr.doc, value.source, value.marks, meta.active),
    };
  }
  if (meta?.kind === 'recompute') {
    return {
      ...value,
      stale: false,
      set: threadDecorations(tr.doc, value.source, value.marks, value.active),
    };
  }
  if (!tr.docChanged || value.marks.length === 0) return value;
  return { ...value, stale: true, set: value.set.map(tr.mapping, tr.doc) };
}

/** `onReveal` is called with the thread of a highlight clicked or reached with the caret. */
export function threadHighlightPlugin(onReveal: (thread: string) => void) {
  return new Plugin<HighlightState>({
    key: threadHighlightKey,
    state: {
      init: () => ({
        marks: [],
        source: '',
        active: null,
        set: DecorationSet.empty,
        stale: false,
        scroll: 0,
      }),
      apply,
    },
    props: {
      decorations: (state) => threadHighlightKey.getState(state)?.set,
      handleClick: (view, pos) => {
        const thread = threadAt(view.state, pos);
        if (thread) onReveal(thread);
        return false;
      },
    },
    view: () => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      return {
        update(view, previous) {
          const now = threadHighlightKey.getState(view.state)!;
          const before = threadHighlightKey.getState(previous)!;
          if (now.stale && view.state.doc !== previous.doc) {
            // Typing: once it pauses, find the passages again in the changed text (unless the
            // Markdown handed in meanwhile already did).
            const settle = () => {
              timer = null;
              if (view.isDestroyed || !threadHighlightKey.getState(view.state)?.stale) return;
              if (view.composing) timer = setTimeout(settle, settleDelay);
              else view.dispatch(view.state.tr.setMeta(threadHighlightKey, { kind: 'recompute' }));
            };
            if (timer) clearTimeout(timer);
            timer = setTimeout(settle, settleDelay);
          }
          if (now.scroll !== before.scroll && now.active) flash(view, now.active);
          if (view.state.doc === previous.doc && !view.state.selection.eq(previous.selection)) {
            // The caret walked into a highlight (keyboard or mouse): its thread is shown.
            const thread = threadAt(view.state, view.state.selection.from);
            if (thread && thread !== now.active) onReveal(thread);
          }
        },
        destroy() {
          if (timer) clearTimeout(timer);
        },
      };
    },
  });
}

function flash(view: EditorView, thread: string) {
  const pieces = view.dom.querySelectorAll<HTMLElement>(`[data-thread="${CSS.escape(thread)}"]`);
  pieces[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  // An animation, not a class: ProseMirror owns the DOM of the text and would redraw a class away.
  for (const piece of pieces) {
    piece.animate?.([{ backgroundColor: '#ffd54f' }, { backgroundColor: '#fff3c4' }], {
      duration: 1400,
      easing: 'ease-out',
    });
  }
}

/** The highlighting as a TipTap extension; `onReveal` is read when a highlight is reached. */
export function ThreadHighlights(onReveal: (thread: string) => void) {
  return Extension.create({
    name: 'threadHighlights',
    addProseMirrorPlugins: () => [threadHighlightPlugin(onReveal)],
  });
}
