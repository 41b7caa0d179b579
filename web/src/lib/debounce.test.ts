import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('debounce', () => {
  it('runs once with the last value, after a pause in typing', () => {
    const run = vi.fn();
    const typed = debounce(120, run);
    for (const value of ['c', 'ch', 'cha', 'chau']) {
      typed.push(value);
      vi.advanceTimersByTime(80);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(run).toHaveBeenCalledExactlyOnceWith('chau');
  });

  it('runs nothing once cancelled (the palette closed)', () => {
    const run = vi.fn();
    const typed = debounce(120, run);
    typed.push('x');
    typed.cancel();
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled();
  });
});
