// Dates, numbers and durations through Intl, in the user's locale.

export type DelayUnit = 'second' | 'minute' | 'hour';

/**
 * How a wait is said to a person: seconds under a minute, whole minutes (rounded up, so nobody
 * retries too early) under an hour and a half, whole hours beyond.
 */
export function roundDelay(seconds: number): { value: number; unit: DelayUnit } {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return { value: s, unit: 'second' };
  if (s < 90 * 60) return { value: Math.ceil(s / 60), unit: 'minute' };
  return { value: Math.ceil(s / 3600), unit: 'hour' };
}

/** "in 14 minutes", "dans 14 minutes". */
export function formatDelay(seconds: number, locale: string): string {
  const { value, unit } = roundDelay(seconds);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(value, unit);
}

/** "Thursday 28 November 2024", "jeudi 28 novembre 2024". */
export function formatLongDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
