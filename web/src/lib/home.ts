import type { HomePublication } from '../api/home';
import { dayKey, type ZonedDay } from './timeZone';

// The home's arithmetic, pure: the week's publications sorted into the person's days, and how
// long a wait is said.

export interface HomeDay extends ZonedDay {
  publications: HomePublication[];
}

/** Each day of the week with its publications (by the day they fall on in `zone`). */
export function publicationsByDay(
  days: readonly ZonedDay[],
  publications: readonly HomePublication[],
  zone: string,
): HomeDay[] {
  const byKey = new Map<string, HomePublication[]>();
  for (const p of publications) {
    const key = dayKey(new Date(p.at), zone);
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  return days.map((day) => ({ ...day, publications: byKey.get(day.key) ?? [] }));
}

/** A wait in whole days when a day or more, else whole hours (at least one). */
export function waitingFor(seconds: number): { value: number; unit: 'day' | 'hour' } {
  const hours = Math.max(1, Math.floor(seconds / 3600));
  return hours >= 24
    ? { value: Math.floor(hours / 24), unit: 'day' }
    : { value: hours, unit: 'hour' };
}
