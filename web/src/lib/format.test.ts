import { describe, expect, it } from 'vitest';
import {
  formatDelay,
  formatLongDate,
  formatRelative,
  fromLocalInput,
  roundDelay,
  toDateInput,
  toDateTimeInput,
} from './format';

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

describe('content dates', () => {
  it('says recent times relatively and older ones as dates', () => {
    const now = Date.parse('2025-03-10T12:00:00Z');
    expect(formatRelative('2025-03-10T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(formatRelative('2025-03-10T11:55:00Z', 'fr', now)).toBe('il y a 5 minutes');
    expect(formatRelative('2025-01-10T11:55:00Z', 'en', now)).toBe('Jan 10, 2025');
  });

  it('goes to and from date inputs in local time', () => {
    const iso = fromLocalInput('2025-03-01')!;
    expect(toDateInput(iso)).toBe('2025-03-01');
    expect(toDateTimeInput(fromLocalInput('2025-03-01T09:30'))).toBe('2025-03-01T09:30');
    expect(fromLocalInput('')).toBeNull();
  });
});
