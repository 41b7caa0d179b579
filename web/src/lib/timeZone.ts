import { useMe } from '../api/queries';

// The person's time zone: a profile setting (GET /me's user.time_zone), the browser's when they
// chose none. The server stores and answers UTC; every date the app shows is said in this zone.
// The helpers below are pure and take the zone, so that they are tested without a browser's.

/** The zone the browser runs in ("Europe/Paris"). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** True when this browser knows the zone (an IANA name). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones a person may choose, as the browser lists them. */
export function timeZoneChoices(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length > 0 ? zones : [browserTimeZone()];
}

/** The zone a person's dates are shown in: theirs, else the browser's. */
export function zoneOf(chosen: string | null | undefined): string {
  return chosen && isTimeZone(chosen) ? chosen : browserTimeZone();
}

/** The signed-in person's zone (`me.user.time_zone ?? the browser's`). */
export function useTimeZone(): string {
  const me = useMe().data;
  return zoneOf(me?.user.time_zone);
}

// The zone lib/format.ts formats in: set once the person is known (AppShell), the browser's
// until then.
let displayZone: string | null = null;

/** Makes every date lib/format.ts writes follow `zone` (null: the browser's). */
export function setDisplayTimeZone(zone: string | null): void {
  displayZone = zone;
}

/** The zone lib/format.ts formats in now. */
export function displayTimeZone(): string {
  return displayZone ?? browserTimeZone();
}

/** Sets the display zone to the signed-in person's; for the app's frame, before its screens. */
export function useApplyTimeZone(): string {
  const zone = useTimeZone();
  // Idempotent, and done before the children render so that their first dates are right.
  setDisplayTimeZone(zone);
  return zone;
}

/** The calendar fields of an instant in a zone. weekday: 0 = Monday … 6 = Sunday. */
export interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What the wall clock says at `date` in `zone`. */
export function zonedParts(date: Date, zone: string): ZonedParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    weekday: weekdays.indexOf(get('weekday')),
  };
}

/** The instant when the wall clock in `zone` shows this day and time (the earlier one when a
 * clock change shows it twice; the time just after a skipped one). */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  zone: string,
): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at a guess, corrected once more for a guess across a clock change.
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = zonedParts(new Date(guess), zone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    if (shown === wanted) break;
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** "2026-12-07": the day an instant falls on in `zone`. */
export function dayKey(date: Date, zone: string): string {
  const p = zonedParts(date, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** One day of a week, as the zone counts it: [start, end) and its key. */
export interface ZonedDay {
  key: string;
  start: Date;
  end: Date;
}

/** The week (Monday to Sunday) that holds `now` in `zone`: seven days, each from midnight to
 * midnight there (23 or 25 hours across a clock change). */
export function weekOf(now: Date, zone: string): ZonedDay[] {
  const today = zonedParts(now, zone);
  // Noon keeps the arithmetic on the right day whatever the offset.
  const noon = Date.UTC(today.year, today.month - 1, today.day, 12) - today.weekday * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(noon + i * 86_400_000);
    const next = new Date(noon + (i + 1) * 86_400_000);
    const start = zonedTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, zone);
    const end = zonedTime(
      next.getUTCFullYear(),
      next.getUTCMonth() + 1,
      next.getUTCDate(),
      0,
      0,
      zone,
    );
    return { key: dayKey(start, zone), start, end };
  });
}

/** An instant written in `zone` with Intl's options ("Mon 7 Dec", "14:05"). */
export function formatInZone(
  date: Date,
  locale: string,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(date);
}
