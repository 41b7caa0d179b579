import { describe, expect, it } from 'vitest';
import { applyDraft, DraftStore, type KeyValueStorage } from './drafts';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
  };
}

const server = { title: 'Winter', 'fields.body': 'One.', tags: ['a'] };

describe('local draft store', () => {
  it('keeps only the edited keys, with their base, and survives a new store (a reload)', () => {
    const storage = memoryStorage();
    new DraftStore(storage, () => 42).save('c1', 3, server, {
      ...server,
      'fields.body': 'One. Two.',
    });
    const draft = new DraftStore(storage).get('c1');
    expect(draft).toEqual({
      contentId: 'c1',
      version: 3,
      base: { 'fields.body': 'One.' },
      values: { 'fields.body': 'One. Two.' },
      savedAt: 42,
    });
    expect(new DraftStore(storage).contentIds()).toEqual(['c1']);
  });

  it('forgets the draft once nothing differs from the server', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage);
    store.save('c1', 3, server, { ...server, title: 'Spring' });
    store.save('c1', 4, { ...server, title: 'Spring' }, { ...server, title: 'Spring' });
    expect(store.get('c1')).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('ignores what it cannot read, and says when the device refuses to store', () => {
    const storage = memoryStorage();
    storage.setItem('copydesk.draft.c1', '{not json');
    storage.setItem('copydesk.draft.c2', JSON.stringify({ contentId: 'other', version: 1 }));
    const store = new DraftStore(storage);
    expect(store.get('c1')).toBeNull();
    expect(store.get('c2')).toBeNull();
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(new DraftStore(full).save('c1', 1, server, { ...server, title: 'x' })).toBe(false);
    expect(new DraftStore(null).get('c1')).toBeNull();
  });

  it('opens a content with its draft on top, sent against the draft version', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage);
    store.save('c1', 3, server, { ...server, 'fields.body': 'One. Two.' });
    const now = { ...server, title: 'Winter safety' }; // someone else renamed it meanwhile (v5)
    const opened = applyDraft(now, 5, store.get('c1'));
    expect(opened.restored).toBe(true);
    expect(opened.version).toBe(3);
    expect(opened.local).toEqual({ ...now, 'fields.body': 'One. Two.' });
    expect(opened.base['fields.body']).toBe('One.');
    expect(opened.base.title).toBe('Winter safety');
  });

  it('drops draft edits the server already has', () => {
    const store = new DraftStore(memoryStorage());
    store.save('c1', 3, server, { ...server, title: 'Spring' });
    const opened = applyDraft({ ...server, title: 'Spring' }, 4, store.get('c1'));
    expect(opened.restored).toBe(false);
    expect(opened.version).toBe(4);
  });
});
