import { useEffect, type RefObject } from 'react';
import type { CommentThread } from '../../api/collab';

const gap = 12;

/**
 * The comment threads in the margin, each level with its passage in the text (as in the editors
 * people know): a thread is placed at its highlight's height, or just below the thread before it
 * when two passages are close. Threads with no passage in the text (general remarks, or a
 * passage since deleted) come first. `list` holds one element per thread, with `data-thread`.
 */
export function placeThreads(
  list: HTMLElement,
  fields: HTMLElement,
): { thread: string; top: number }[] {
  const base = list.getBoundingClientRect().top;
  const items = Array.from(list.children) as HTMLElement[];
  const wanted = items.map((item) => {
    const thread = item.dataset.thread ?? '';
    const passage = fields.querySelector(`[data-thread="${CSS.escape(thread)}"]`);
    return { item, thread, at: passage ? passage.getBoundingClientRect().top - base : null };
  });
  const loose = wanted.filter((entry) => entry.at === null);
  const anchored = wanted
    .filter((entry) => entry.at !== null)
    .sort((a, b) => (a.at as number) - (b.at as number));
  const placed: { thread: string; top: number }[] = [];
  let next = 0;
  for (const entry of [...loose, ...anchored]) {
    const top = Math.max(entry.at ?? 0, next);
    entry.item.style.top = `${top}px`;
    placed.push({ thread: entry.thread, top });
    next = top + entry.item.offsetHeight + gap;
  }
  list.style.height = `${Math.max(next - gap, 0)}px`;
  return placed;
}

/** Keeps the threads beside their passages while the text is typed, laid out or resized. */
export function useThreadsBesidePassages(
  active: boolean,
  listRef: RefObject<HTMLElement | null>,
  fieldsRef: RefObject<HTMLElement | null>,
  threads: readonly CommentThread[],
) {
  // Laid out anew when threads come or go; their growth and the text's are observed.
  const shown = threads.map((thread) => thread.id).join(' ');
  useEffect(() => {
    const list = listRef.current;
    const fields = fieldsRef.current;
    if (!active || !list || !fields) return undefined;
    let frame = 0;
    const schedule = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          placeThreads(list, fields);
        });
    };
    placeThreads(list, fields);
    // The text grows as it is typed, the editors draw their highlights once mounted, a thread
    // grows as it is replied to: each moves what comes after it.
    const resized = new ResizeObserver(schedule);
    resized.observe(fields);
    for (const item of Array.from(list.children)) resized.observe(item);
    const changed = new MutationObserver(schedule);
    changed.observe(fields, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-thread'],
    });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      changed.disconnect();
      window.removeEventListener('resize', schedule);
      list.style.height = '';
      for (const item of Array.from(list.children) as HTMLElement[]) item.style.top = '';
    };
  }, [active, listRef, fieldsRef, shown]);
}
