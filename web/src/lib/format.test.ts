import { describe, expect, it } from 'vitest';
import { formatDelay, formatLongDate, roundDelay } from './format';

describe('roundDelay', () => {
  it('says seconds under a minute, never zero', () => {
    expect(roundDelay(0)).toEqual({ value: 1, unit: 'second' });
    expect(roundDelay(42)).toEqual({ value: 42, unit: 'second' });
  });
  it('rounds minutes up so nobody retries too early', () => {
    expect(roundDelay(60)).toEqual({ value: 1, unit: 'minute' });
    expect(roundDelay(61)).toEqual({ value: 2, unit: 'minute' });
    expect(roundDelay(14 * 60)).toEqual({ value: 14, unit: 'minute' });
    expect(roundDelay(89 * 60)).toEqual({ value: 89, unit: 'minute' });
  });
  it('says hours from an hour and a half', () => {
    expect(roundDelay(90 * 60)).toEqual({ value: 2, unit: 'hour' });
    expect(roundDelay(3 * 3600)).toEqual({ value: 3, unit: 'hour' });
  });
});

describe('formatDelay', () => {
  it('speaks the locale', () => {
    expect(formatDelay(840, 'en')).toBe('in 14 minutes');
    expect(formatDelay(840, 'fr')).toBe('dans 14 minutes');
    expect(formatDelay(1, 'en')).toBe('in 1 second');
  });
});

describe('formatLongDate', () => {
  it('writes the full date in the locale', () => {
    const date = new Date(2025, 2, 14, 12);
    // Punctuation differs between ICU versions; the words do not.
    expect(formatLongDate(date, 'en-GB')).toMatch(/^Friday,? 14 March 2025$/);
    expect(formatLongDate(date, 'fr')).toBe('vendredi 14 mars 2025');
  });
});
