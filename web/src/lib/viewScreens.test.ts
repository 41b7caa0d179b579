import { describe, expect, it } from 'vitest';
import { forgetViewScreen, rememberedViewScreen, rememberViewScreen } from './viewScreens';

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('the screen each view was saved from', () => {
  it('is remembered per view, and forgotten with it', () => {
    const store = memoryStore();
    rememberViewScreen('v1', 'board', store);
    rememberViewScreen('v2', 'search', store);
    expect(rememberedViewScreen('v1', store)).toBe('board');
    expect(rememberedViewScreen('v2', store)).toBe('search');
    forgetViewScreen('v1', store);
    expect(rememberedViewScreen('v1', store)).toBeUndefined();
    expect(rememberedViewScreen('v2', store)).toBe('search');
  });

  it('ignores what it does not understand, and works without storage', () => {
    const store = memoryStore();
    store.setItem('copydesk.view-screens', '{"v1":"calendar","v2":"board"}');
    expect(rememberedViewScreen('v1', store)).toBeUndefined();
    expect(rememberedViewScreen('v2', store)).toBe('board');
    store.setItem('copydesk.view-screens', 'not json');
    expect(rememberedViewScreen('v2', store)).toBeUndefined();
    rememberViewScreen('v3', 'board', null);
    expect(rememberedViewScreen('v3', null)).toBeUndefined();
  });
});
