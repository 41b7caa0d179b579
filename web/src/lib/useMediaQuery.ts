import { useSyncExternalStore } from 'react';

// The layout's breakpoints, as in styles/layout.css: below `narrow` the navigation and the
// content's panels fold away (phones and tablets in portrait); from `wide` on, comment threads sit
// in a margin of their own beside the text.
export const narrowScreen = '(max-width: 900px)';
export const wideScreen = '(min-width: 1360px)';

/** Whether the window matches a CSS media query, kept up to date as it is resized. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
