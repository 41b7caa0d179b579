import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  byDay,
  dayForKey,
  dayOf,
  firstDayOfWeek,
  fromZonedInput,
  instantOf,
  isDay,
  isLate,
  monthGrid,
  moveToDay,
  parseCalendarParams,
  rangeOf,
  toZonedInput,
  viewWeeks,
  weekDays,
  weekdayOf,
} from './calendar';

const paris = 'Europe/Paris';
const newYork = 'America/New_York';

describe('days', () => {
  it('reads only real days', () => {
    expect(isDay('2026-12-08')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-12-8')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('adds days and months across the year’s end, keeping a month’s last day inside it', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(weekdayOf('2026-12-07')).toBe(1); // a Monday
  });
});

describe('the first day of the week', () => {
  it('is Monday in French, wherever the person is', () => {
    expect(firstDayOfWeek('fr')).toBe(1);
    expect(firstDayOfWeek('fr-FR')).toBe(1);
    expect(firstDayOfWeek('fr-CA')).toBe(1);
  });

  it('is the locale’s own in English: Sunday in the US, Monday in Britain', () => {
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(firstDayOfWeek('en-GB')).toBe(1);
  });
});

describe('the month grid', () => {
  it('starts on Monday: December 2026 opens on Monday 30 November, five weeks', () => {
    const weeks = monthGrid('2026-12-17', 1);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toBe('2026-11-30');
    expect(weeks[0]![1]).toBe('2026-12-01');
    expect(weeks[4]![6]).toBe('2027-01-03');
    for (const week of weeks) expect(weekdayOf(week[0]!)).toBe(1);
  });

  it('starts on Sunday: December 2026 opens on Sunday 29 November', () => {
    const weeks = monthGrid('2026-12-01', 0);
    expect(weeks[0]![0]).toBe('2026-11-29');
    expect(weeks[weeks.length - 1]![6]).toBe('2027-01-02');
    for (const week of weeks) expect(weekdayOf(week[0]!)).toBe(0);
  });

  it('shows six weeks when the month needs them, four when it fits', () => {
    expect(monthGrid('2026-08-01', 1)).toHaveLength(6); // 1 August 2026 is a Saturday
    expect(monthGrid('2027-02-01', 1)).toHaveLength(4); // February 2027 starts on a Monday
  });

  it('gives a week view its seven days and the agenda its month', () => {
    expect(weekDays('2026-12-10', 1)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
    expect(weekDays('2026-12-10', 0)[0]).toBe('2026-12-06');
    const agenda = viewWeeks('agenda', '2027-02-14', 1);
    expect(agenda.flat()).toHaveLength(28);
    expect(agenda[0]![0]).toBe('2027-02-01');
  });
});

describe('time zones', () => {
  it('places an entry on its day where the person is, not in UTC', () => {
    // 23:30 UTC on 8 December is already the 9th in Paris and still the 8th in New York.
    const at = '2026-12-08T23:30:00Z';
    expect(dayOf(at, paris)).toBe('2026-12-09');
    expect(dayOf(at, newYork)).toBe('2026-12-08');
    const days = byDay(
      [
        { id: 'a', at },
        { id: 'b', at: '2026-12-09T08:00:00Z' },
      ],
      paris,
    );
    expect(days.get('2026-12-09')?.map((e) => e.id)).toEqual(['a', 'b']);
    expect(days.has('2026-12-08')).toBe(false);
  });

  it('asks for whole days of the person’s zone: the week of the spring change is 167 hours', () => {
    // Europe/Paris moves to summer time in the night of Sunday 29 March 2026.
    const week = [weekDays('2026-03-23', 1)];
    const { from, to } = rangeOf(week, paris);
    expect(from).toBe('2026-03-22T23:00:00.000Z');
    expect(to).toBe('2026-03-29T22:00:00.000Z');
    expect((Date.parse(to) - Date.parse(from)) / 3_600_000).toBe(167);
  });

  it('and the week of the autumn change is 169 hours', () => {
    // Back to winter time in the night of Sunday 25 October 2026.
    const { from, to } = rangeOf([weekDays('2026-10-21', 1)], paris);
    expect(from).toBe('2026-10-18T22:00:00.000Z');
    expect(to).toBe('2026-10-25T23:00:00.000Z');
    expect((Date.parse(to) - Date.parse(from)) / 3_600_000).toBe(169);
  });

  it('keeps the time of day when an entry moves across a change of clocks', () => {
    // 08:00 in Paris in winter (07:00 UTC) dragged into summer time is still 08:00 (06:00 UTC).
    expect(moveToDay('2026-03-27T07:00:00Z', '2026-03-30', paris)).toBe('2026-03-30T06:00:00.000Z');
    expect(moveToDay('2026-10-23T06:00:00Z', '2026-10-26', paris)).toBe('2026-10-26T07:00:00.000Z');
    // A plain move inside a week keeps the instant's time.
    expect(moveToDay('2026-12-08T08:00:00Z', '2026-12-10', paris)).toBe('2026-12-10T08:00:00.000Z');
  });

  it('takes a time the clocks skip as the time after the jump, and a repeated one first', () => {
    // 02:30 does not exist in Paris on 29 March 2026: 03:30 summer time.
    expect(new Date(instantOf('2026-03-29', 2, 30, paris)).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 happens twice on 25 October 2026: the first one, still in summer time.
    expect(new Date(instantOf('2026-10-25', 2, 30, paris)).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('reads and writes date-and-time inputs in the person’s zone', () => {
    expect(toZonedInput('2026-12-08T08:05:00Z', paris)).toBe('2026-12-08T09:05');
    expect(toZonedInput('2026-12-08T08:05:00Z', newYork)).toBe('2026-12-08T03:05');
    expect(fromZonedInput('2026-07-01T09:00', paris)).toBe('2026-07-01T07:00:00.000Z');
    expect(fromZonedInput('', paris)).toBeNull();
    expect(toZonedInput(null, paris)).toBe('');
  });
});

describe('late entries', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  const entry = (over: Partial<Parameters<typeof isLate>[0]>) => ({
    at: '2026-12-07T08:00:00Z',
    published_at: null,
    channel: 'linkedin',
    content: { status: { category: 'ready' } },
    ...over,
  });

  it('is late when its time has passed and it has not gone out', () => {
    expect(isLate(entry({}), now)).toBe(true);
    expect(isLate(entry({ at: '2026-12-07T13:00:00Z' }), now)).toBe(false);
  });

  it('is not late once its channel is marked published', () => {
    expect(isLate(entry({ published_at: '2026-12-07T09:00:00Z' }), now)).toBe(false);
  });

  it('goes by the status for a content without channels', () => {
    expect(isLate(entry({ channel: null }), now)).toBe(true);
    expect(
      isLate(entry({ channel: null, content: { status: { category: 'published' } } }), now),
    ).toBe(false);
    // A channel's entry waits for its own mark, whatever the status says.
    expect(isLate(entry({ content: { status: { category: 'published' } } }), now)).toBe(true);
  });
});

describe('the keyboard', () => {
  it('moves a day sideways, a week up and down, to the week’s ends and by a month', () => {
    expect(dayForKey('ArrowRight', '2026-12-31', 1)).toBe('2027-01-01');
    expect(dayForKey('ArrowLeft', '2026-12-01', 1)).toBe('2026-11-30');
    expect(dayForKey('ArrowDown', '2026-12-28', 1)).toBe('2027-01-04');
    expect(dayForKey('ArrowUp', '2026-12-03', 1)).toBe('2026-11-26');
    expect(dayForKey('Home', '2026-12-10', 1)).toBe('2026-12-07');
    expect(dayForKey('Home', '2026-12-10', 0)).toBe('2026-12-06');
    expect(dayForKey('End', '2026-12-10', 1)).toBe('2026-12-13');
    expect(dayForKey('PageDown', '2026-12-31', 1)).toBe('2027-01-31');
    expect(dayForKey('Enter', '2026-12-31', 1)).toBeNull();
  });
});

describe('the URL', () => {
  it('remembers the view and the day, and opens the agenda on a phone', () => {
    const today = '2026-12-07';
    expect(
      parseCalendarParams(new URLSearchParams('view=week&day=2026-12-24'), today, false),
    ).toEqual({ view: 'week', day: '2026-12-24' });
    expect(parseCalendarParams(new URLSearchParams(''), today, false)).toEqual({
      view: 'month',
      day: today,
    });
    expect(parseCalendarParams(new URLSearchParams('day=nope'), today, true)).toEqual({
      view: 'agenda',
      day: today,
    });
    // A view chosen on a phone stays chosen.
    expect(parseCalendarParams(new URLSearchParams('view=month'), today, true).view).toBe('month');
  });
});
