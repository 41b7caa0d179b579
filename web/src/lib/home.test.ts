import { describe, expect, it } from 'vitest';
import type { HomePublication } from '../api/home';
import { publicationsByDay, waitingFor } from './home';
import { weekOf } from './timeZone';

const publication = (at: string, title: string): HomePublication => ({
  content: { id: title, title, publish_at: at, status: null, late: false },
  channel: null,
  at,
  late: false,
});

describe('the home’s week', () => {
  it('puts each publication on the day it falls on in the person’s zone', () => {
    const zone = 'Europe/Paris';
    const week = weekOf(new Date('2026-12-09T12:00:00Z'), zone);
    const days = publicationsByDay(
      week,
      [
        publication('2026-12-07T08:00:00Z', 'Monday morning'),
        // 23:30 UTC on Tuesday is Wednesday in Paris.
        publication('2026-12-08T23:30:00Z', 'Wednesday just after midnight'),
      ],
      zone,
    );
    expect(days.map((d) => d.publications.map((p) => p.content.title))).toEqual([
      ['Monday morning'],
      [],
      ['Wednesday just after midnight'],
      [],
      [],
      [],
      [],
    ]);
  });

  it('says a wait in hours, then in days', () => {
    expect(waitingFor(60)).toEqual({ value: 1, unit: 'hour' });
    expect(waitingFor(5 * 3600)).toEqual({ value: 5, unit: 'hour' });
    expect(waitingFor(3 * 86400 + 7200)).toEqual({ value: 3, unit: 'day' });
  });
});
