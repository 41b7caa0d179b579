import { multiFilters, type ListFilters } from './filters';

// The calendar's arithmetic: calendar days in a person's time zone, the weeks a month shows, where
// an entry goes, and what a move to another day makes of its time. Days are plain "YYYY-MM-DD"
// strings (a day on the wall calendar, in no time zone); instants are ISO strings or epoch ms.
// Time zones go through Intl only, so a day that is 23 or 25 hours long (DST) is handled by the
// same tables the browser uses.

/** A calendar day, "2026-12-08". */
export type Day = string;

/** The calendar's views: a month grid, one week, or a list of days (the phone's default). */
export const calendarViews = ['month', 'week', 'agenda'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay says it. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether `value` is a real calendar day written "YYYY-MM-DD". */
export function isDay(value: string | null | undefined): value is Day {
  const m = value ? dayPattern.exec(value) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return date.toISOString().slice(0, 10) === value;
}

function dayParts(day: Day): [number, number, number] {
  const m = dayPattern.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return [+m[1]!, +m[2]!, +m[3]!];
}

function dayFromUtc(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, for a negative `n`). */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = dayParts(day);
  return dayFromUtc(new Date(Date.UTC(y, m - 1, d + n)));
}

/** The same day of the month `n` months later, kept inside the month (31 Jan + 1 → 28 Feb). */
export function addMonths(day: Day, n: number): Day {
  const [y, m, d] = dayParts(day);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return dayFromUtc(new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))));
}

/** The weekday of a calendar day. */
export function weekdayOf(day: Day): Weekday {
  const [y, m, d] = dayParts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() as Weekday;
}

/** The first day of `day`'s month. */
export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 8)}01`;
}

/** The first day of the week holding `day`, weeks starting on `weekStart`. */
export function startOfWeek(day: Day, weekStart: Weekday): Day {
  return addDays(day, -((weekdayOf(day) - weekStart + 7) % 7));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  const [a, b, c] = dayParts(from);
  const [x, y, z] = dayParts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}

// ---- the first day of the week ---------------------------------------------------------------

// Where Intl.Locale has no week information (older engines), the regions whose weeks start on
// Sunday (CLDR's list, the big ones); everywhere else Monday, as ISO 8601 says.
const sundayRegions = new Set([
  'US',
  'CA',
  'MX',
  'BR',
  'JP',
  'KR',
  'TW',
  'HK',
  'IL',
  'IN',
  'PH',
  'ZA',
  'AU',
  'SA',
  'PE',
  'CO',
  'VE',
  'AR',
  'GT',
  'PR',
  'DO',
  'KE',
  'NG',
  'PK',
  'TH',
  'ID',
]);

interface WeekInfo {
  /** 1 = Monday … 7 = Sunday. */
  firstDay: number;
}

function weekInfoOf(locale: Intl.Locale): WeekInfo | undefined {
  // Newer engines have getWeekInfo(); older ones (Node 20, early Chromium) a weekInfo getter.
  const withInfo = locale as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
  if (typeof withInfo.getWeekInfo === 'function') return withInfo.getWeekInfo();
  return withInfo.weekInfo;
}

/**
 * The day weeks start on for a person: Monday in French (whatever the region), else the locale's
 * own first day (Sunday in en-US, Monday in en-GB).
 */
export function firstDayOfWeek(locale: string): Weekday {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale);
  } catch {
    return 1;
  }
  if (parsed.language === 'fr') return 1;
  const info = weekInfoOf(parsed);
  if (info && info.firstDay >= 1 && info.firstDay <= 7) return (info.firstDay % 7) as Weekday;
  const region = parsed.region ?? parsed.maximize().region;
  return region && sundayRegions.has(region) ? 0 : 1;
}

// ---- grids -----------------------------------------------------------------------------------

/** The weeks a month view shows: whole weeks from the one holding the 1st to the one holding the
 * last day (4 to 6 rows of 7 days). */
export function monthGrid(day: Day, weekStart: Weekday): Day[][] {
  const first = startOfMonth(day);
  const last = addDays(addMonths(first, 1), -1);
  const weeks: Day[][] = [];
  for (let start = startOfWeek(first, weekStart); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** The seven days of the week holding `day`. */
export function weekDays(day: Day, weekStart: Weekday): Day[] {
  const start = startOfWeek(day, weekStart);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The days a view shows around `day`, as weeks (the agenda lists its month's days). */
export function viewWeeks(view: CalendarView, day: Day, weekStart: Weekday): Day[][] {
  if (view === 'week') return [weekDays(day, weekStart)];
  if (view === 'month') return monthGrid(day, weekStart);
  const first = startOfMonth(day);
  const count = daysBetween(first, addMonths(first, 1));
  return [Array.from({ length: count }, (_, i) => addDays(first, i))];
}

/** The day the previous or next page of a view opens on. */
export function stepView(view: CalendarView, day: Day, step: -1 | 1): Day {
  return view === 'week' ? addDays(day, 7 * step) : addMonths(day, step);
}

// ---- time zones ------------------------------------------------------------------------------

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

/** What a wall clock in `timeZone` shows at an instant. */
export function wallClock(instant: number | string, timeZone: string): Wall {
  const at = typeof instant === 'string' ? Date.parse(instant) : instant;
  const parts = partsFormat(timeZone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayOf(instant: number | string, timeZone: string): Day {
  const wall = wallClock(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** How far `timeZone` is ahead of UTC at an instant, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The instant a wall clock in `timeZone` shows `day` at `hour:minute`. A time the clocks skip
 * (02:30 on a spring-forward night) is taken as the same time after the jump; a time they show
 * twice (an autumn night) as its first showing.
 */
export function instantOf(day: Day, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = dayParts(day);
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  // The zone's offsets a day either side: a change of clocks lies between them, never two.
  const candidates = [
    wanted - offsetAt(wanted - 86_400_000, timeZone),
    wanted - offsetAt(wanted + 86_400_000, timeZone),
  ];
  const shown = candidates.filter((at) => {
    const wall = wallClock(at, timeZone);
    return dayOf(at, timeZone) === day && wall.hour === hour && wall.minute === minute;
  });
  return shown.length > 0 ? Math.min(...shown) : Math.max(...candidates);
}

/** The instant a day starts (its first minute) in `timeZone`. */
export function startOfDay(day: Day, timeZone: string): number {
  return instantOf(day, 0, 0, timeZone);
}

/** The API's range for the days shown: from the first day's start to the day after the last. */
export function rangeOf(days: Day[][], timeZone: string): { from: string; to: string } {
  const first = days[0]![0]!;
  const lastWeek = days[days.length - 1]!;
  const last = lastWeek[lastWeek.length - 1]!;
  return {
    from: new Date(startOfDay(first, timeZone)).toISOString(),
    to: new Date(startOfDay(addDays(last, 1), timeZone)).toISOString(),
  };
}

/**
 * The same time of day on another day, in `timeZone`: a move keeps 08:00 at 08:00 on the wall
 * clock, across a change of summer time too.
 */
export function moveToDay(instant: string, day: Day, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return new Date(instantOf(day, wall.hour, wall.minute, timeZone)).toISOString();
}

/** An <input type="datetime-local"> value for an instant in `timeZone` ("2026-12-08T09:30"). */
export function toZonedInput(instant: string | null | undefined, timeZone: string): string {
  if (!instant || Number.isNaN(Date.parse(instant))) return '';
  const wall = wallClock(instant, timeZone);
  return `${dayOf(instant, timeZone)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** Back from a datetime-local value read in `timeZone` to an ISO instant; null when unreadable. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m || !isDay(m[1])) return null;
  return new Date(instantOf(m[1]!, +m[2]!, +m[3]!, timeZone)).toISOString();
}

// ---- entries ---------------------------------------------------------------------------------

/** What the calendar needs to know of an entry to place and mark it. */
export interface Placeable {
  at: string;
  published_at: string | null;
  channel: string | null;
  content: { status: { category: string } | null };
}

/**
 * Late: its date has passed and it has not gone out — for a channel, not marked published; for a
 * content without channels, its status is not a published one (as the server says `late`).
 */
export function isLate(entry: Placeable, now: number): boolean {
  if (entry.published_at) return false;
  if (entry.channel === null && entry.content.status?.category === 'published') return false;
  return Date.parse(entry.at) < now;
}

/** Whether the entry has gone out. */
export function isPublished(entry: Placeable): boolean {
  return (
    entry.published_at !== null ||
    (entry.channel === null && entry.content.status?.category === 'published')
  );
}

/** The entries of each day in `timeZone`, in the order given (the server's: by time, title). */
export function byDay<T extends { at: string }>(entries: T[], timeZone: string): Map<Day, T[]> {
  const days = new Map<Day, T[]>();
  for (const entry of entries) {
    const day = dayOf(entry.at, timeZone);
    const list = days.get(day);
    if (list) list.push(entry);
    else days.set(day, [entry]);
  }
  return days;
}

// ---- the keyboard ----------------------------------------------------------------------------

/**
 * The day an arrow key (or Home, End, Page Up, Page Down) moves to from `day`: a day sideways, a
 * week up or down, the week's ends, a month back or on. Null for any other key.
 */
export function dayForKey(key: string, day: Day, weekStart: Weekday, rtl = false): Day | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, rtl ? 1 : -1);
    case 'ArrowRight':
      return addDays(day, rtl ? -1 : 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return startOfWeek(day, weekStart);
    case 'End':
      return addDays(startOfWeek(day, weekStart), 6);
    case 'PageUp':
      return addMonths(day, -1);
    case 'PageDown':
      return addMonths(day, 1);
    default:
      return null;
  }
}

// ---- the URL ---------------------------------------------------------------------------------

/** The view and day the URL asks for (`view=week&day=2026-12-08`); the phone opens the agenda. */
export function parseCalendarParams(
  params: URLSearchParams,
  today: Day,
  narrow: boolean,
): { view: CalendarView; day: Day } {
  const view = params.get('view');
  const day = params.get('day');
  return {
    view: (calendarViews as readonly string[]).includes(view ?? '')
      ? (view as CalendarView)
      : narrow
        ? 'agenda'
        : 'month',
    day: isDay(day) ? day : today,
  };
}

/**
 * The calendar's query for the list's filters: the checklists only. Dates are the calendar's own
 * range, the order is the calendar's (by time), and archived contents never show on it.
 */
export function calendarFilterQuery(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const name of multiFilters) {
    for (const value of filters.multi[name]) params.append(name, value);
  }
  return params.toString();
}
