import type { FilterScreen } from './filters';

// The server keeps a view's words, filters and sort, not the screen it was saved from: this
// browser remembers that, so a view saved on the board opens the board again. Elsewhere (another
// browser, a view someone shared) the view opens where its filters say (`screenFor`).

const storageKey = 'copydesk.view-screens';

const screens: readonly FilterScreen[] = ['contents', 'board', 'search'];

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's storage, when it has one (not in private mode's worst cases, nor in tests). */
function browserStore(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(store: Store | null): Record<string, FilterScreen> {
  try {
    const stored: unknown = JSON.parse(store?.getItem(storageKey) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(
      Object.entries(stored).filter((entry): entry is [string, FilterScreen] =>
        screens.includes(entry[1] as FilterScreen),
      ),
    );
  } catch {
    return {};
  }
}

function write(store: Store | null, map: Record<string, FilterScreen>): void {
  try {
    store?.setItem(storageKey, JSON.stringify(map));
  } catch {
    // Private mode: views open where their filters say.
  }
}

/** Remembers the screen view `id` was saved from. */
export function rememberViewScreen(
  id: string,
  screen: FilterScreen,
  store: Store | null = browserStore(),
): void {
  write(store, { ...read(store), [id]: screen });
}

/** Forgets a deleted view. */
export function forgetViewScreen(id: string, store: Store | null = browserStore()): void {
  const { [id]: _, ...rest } = read(store);
  write(store, rest);
}

/** The screen view `id` was saved from on this browser, if it was. */
export function rememberedViewScreen(
  id: string,
  store: Store | null = browserStore(),
): FilterScreen | undefined {
  return read(store)[id];
}
