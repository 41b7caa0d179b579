import { describe, expect, it } from 'vitest';
import {
  dayKey,
  formatInZone,
  isTimeZone,
  weekOf,
  zonedParts,
  zonedTime,
  zoneOf,
} from './timeZone';

describe('the person’s time zone', () => {
  it('tells a known zone from a made-up one, and falls back to the browser’s', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(zoneOf('America/New_York')).toBe('America/New_York');
    expect(zoneOf(null)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zoneOf('Mars/Olympus')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('reads the wall clock of an instant in a zone', () => {
    const instant = new Date('2026-12-07T23:30:00Z'); // a Monday in UTC
    expect(zonedParts(instant, 'UTC')).toMatchObject({ day: 7, hour: 23, weekday: 0 });
    // Already Tuesday in Paris, still Monday afternoon in New York.
    expect(zonedParts(instant, 'Europe/Paris')).toMatchObject({ day: 8, hour: 0, weekday: 1 });
    expect(dayKey(instant, 'America/New_York')).toBe('2026-12-07');
    expect(dayKey(instant, 'Asia/Tokyo')).toBe('2026-12-08');
  });

  it('finds the instant a wall clock shows, across clock changes', () => {
    expect(zonedTime(2026, 12, 7, 9, 0, 'Europe/Paris').toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
    expect(zonedTime(2026, 7, 7, 9, 0, 'Europe/Paris').toISOString()).toBe(
      '2026-07-07T07:00:00.000Z',
    );
    // The morning after the spring change: UTC+2 already.
    expect(zonedTime(2026, 3, 29, 12, 0, 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T10:00:00.000Z',
    );
  });

  it('counts a week from Monday midnight to Monday midnight in the zone', () => {
    const week = weekOf(new Date('2026-12-09T12:00:00Z'), 'Europe/Paris');
    expect(week).toHaveLength(7);
    expect(week[0]?.key).toBe('2026-12-07');
    expect(week[0]?.start.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(week[6]?.key).toBe('2026-12-13');
    expect(week[6]?.end.toISOString()).toBe('2026-12-13T23:00:00.000Z');
    // Sunday late evening in New York is still that week there.
    const ny = weekOf(new Date('2026-12-14T02:00:00Z'), 'America/New_York');
    expect(ny[0]?.key).toBe('2026-12-07');
  });

  it('has a 23-hour day in the week of the spring clock change', () => {
    const week = weekOf(new Date('2026-03-25T12:00:00Z'), 'Europe/Paris');
    const sunday = week[6];
    expect(sunday?.key).toBe('2026-03-29');
    expect(sunday && sunday.end.getTime() - sunday.start.getTime()).toBe(23 * 3_600_000);
  });

  it('writes an instant in the zone asked, not the machine’s', () => {
    const instant = new Date('2026-12-07T23:30:00Z');
    expect(
      formatInZone(instant, 'en-GB', 'Asia/Tokyo', { hour: '2-digit', minute: '2-digit' }),
    ).toBe('08:30');
    expect(formatInZone(instant, 'fr', 'Europe/Paris', { weekday: 'long' })).toBe('mardi');
  });
});
