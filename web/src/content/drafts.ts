import { changedKeys, same, type Values } from './sync';

// What the user typed and the server has not acknowledged yet, kept on this device (localStorage:
// it survives a reload, a closed tab and a lost network) until a save answers 2xx.

export interface Draft {
  contentId: string;
  /** The server version these edits started from: the next save sends it as base_version. */
  version: number;
  /** For each edited key, the value it had at `version`. */
  base: Values;
  /** For each edited key, what the user has now. */
  values: Values;
  /** When it was last written (ms since the epoch). */
  savedAt: number;
}

/** The part of the Web Storage API the store uses (tests pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const prefix = 'copydesk.draft.';

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.contentId === 'string' &&
    typeof draft.version === 'number' &&
    typeof draft.base === 'object' &&
    draft.base !== null &&
    typeof draft.values === 'object' &&
    draft.values !== null
  );
}

export class DraftStore {
  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly now: () => number = Date.now,
  ) {}

  get(contentId: string): Draft | null {
    try {
      const text = this.storage?.getItem(prefix + contentId);
      if (!text) return null;
      const draft: unknown = JSON.parse(text);
      return isDraft(draft) && draft.contentId === contentId ? draft : null;
    } catch {
      return null;
    }
  }

  /**
   * Keeps the user's edits: the keys of `local` that differ from `base`. Nothing left to keep
   * removes the draft. False when the device refused to store it (full, or private mode).
   */
  save(contentId: string, version: number, base: Values, local: Values): boolean {
    const keys = changedKeys(local, base);
    if (keys.length === 0) {
      this.remove(contentId);
      return true;
    }
    const draft: Draft = {
      contentId,
      version,
      base: Object.fromEntries(keys.map((key) => [key, base[key] ?? null])),
      values: Object.fromEntries(keys.map((key) => [key, local[key] ?? null])),
      savedAt: this.now(),
    };
    try {
      if (!this.storage) return false;
      this.storage.setItem(prefix + contentId, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  remove(contentId: string): void {
    try {
      this.storage?.removeItem(prefix + contentId);
    } catch {
      // Nothing kept, nothing to remove.
    }
  }

  /** The contents that have unsent edits on this device. */
  contentIds(): string[] {
    if (!this.storage) return [];
    const ids: string[] = [];
    for (let index = 0; index < this.storage.length; index++) {
      const key = this.storage.key(index);
      if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
    }
    return ids.sort();
  }
}

/**
 * What the page starts from when it opens a content that has a draft: the server's values with
 * the draft's edits on top, and the base to send them against. Edits the server already has
 * (saved just before the tab closed, say) are dropped.
 */
export function applyDraft(
  server: Values,
  serverVersion: number,
  draft: Draft | null,
): { local: Values; base: Values; version: number; restored: boolean } {
  if (!draft) return { local: server, base: server, version: serverVersion, restored: false };
  const pending = Object.keys(draft.values).filter((key) => !same(draft.values[key], server[key]));
  if (pending.length === 0) {
    return { local: server, base: server, version: serverVersion, restored: false };
  }
  const local = { ...server };
  const base = { ...server };
  for (const key of pending) {
    local[key] = draft.values[key];
    base[key] = draft.base[key];
  }
  // Sent against the draft's own version, the server merges the edits with what came since.
  return { local, base, version: draft.version, restored: true };
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const drafts = new DraftStore(browserStorage());
