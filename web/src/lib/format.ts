// Dates, numbers and durations through Intl, in the user's locale; dates in the person's time
// zone (lib/timeZone: their profile's, else the browser's).

import { displayTimeZone, zonedParts, zonedTime } from './timeZone';

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
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: displayTimeZone() }).format(
    date,
  );
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "28 Nov 2024", "28 nov. 2024". */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: displayTimeZone(),
  }).format(date);
}

/** "28 Nov 2024, 14:05". */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: displayTimeZone(),
  }).format(date);
}

/** "5 minutes ago", "il y a 5 minutes"; a full date past a week. */
export function formatRelative(iso: string, locale: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDate(iso, locale);
}

/** An ISO instant as the value of an <input type="date"> in the person's zone ("2025-03-01"). */
export function toDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = zonedParts(date, displayTimeZone());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** An <input type="datetime-local"> value for an ISO instant ("2025-03-01T09:30"). */
export function toDateTimeInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = zonedParts(date, displayTimeZone());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${toDateInput(iso)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Back from a date or datetime-local input (the person's zone) to an ISO instant; null when
 * empty or malformed. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  const date = zonedTime(n(1), n(2), n(3), n(4), n(5), displayTimeZone());
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "Legal, Sales and Sustainability", "Juridique, Ventes et Durabilité". */
export function formatList(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** When something happened, said as a sentence ends: "3 March at 14:02", "3 mars à 14:02";
 * the year only when it is not this one. */
export function formatEventTime(iso: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone: displayTimeZone(),
    day: 'numeric',
    month: 'long',
    year: date.getFullYear() === now.getFullYear() ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
