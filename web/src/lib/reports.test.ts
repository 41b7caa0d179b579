import { describe, expect, it } from 'vitest';
import type { Report } from '../api/reports';
import { formatDuration, formatMonth, reportSpreadsheet } from './reports';
import { spreadsheetConvention } from './spreadsheet';

// The report as people read it: durations in their words, and the CSV file their spreadsheet
// opens (French: ";" between cells, decimal commas, a byte-order mark).

const report: Report = {
  from: '2026-10-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  time_zone: 'Europe/Paris',
  publications: {
    months: ['2026-10', '2026-11'],
    channels: [
      { channel: 'li', name: 'LinkedIn', counts: [1, 1], total: 2 },
      { channel: null, name: null, counts: [0, 1], total: 1 },
    ],
    totals: [1, 2],
    total: 3,
  },
  statuses: [
    {
      status: 's1',
      name: 'Idée',
      category: 'idea',
      count: 4,
      median_ms: 5_400_000,
      p90_ms: 27_360_000,
    },
    {
      status: 's2',
      name: 'Rédaction',
      category: 'in_progress',
      count: 0,
      median_ms: null,
      p90_ms: null,
    },
  ],
  approvals: [
    { team: 't1', name: 'Juridique', count: 2, median_ms: 10_800_000, p90_ms: 13_680_000 },
  ],
  stale_approvals: {
    count: 1,
    items: [
      {
        content: { id: 'c1', title: 'Tarifs 2027 ; "ce qui change"' },
        team: { id: 't1', name: 'Juridique' },
        stale_at: '2026-10-05T14:00:00.000Z',
        revision: 3,
        published_at: '2026-10-05T18:00:00.000Z',
      },
    ],
  },
};

const words = {
  header: [
    'Indicateur',
    'Nom',
    'Mois ou date',
    'Nombre',
    'Médiane (heures)',
    '90e centile (heures)',
  ] as [string, string, string, string, string, string],
  publications: 'Publications',
  status: 'Statut',
  wait: 'Attente',
  stale: 'Caduques',
  total: 'Total',
  noChannel: 'Sans canal',
};

describe('formatDuration', () => {
  it('says seconds, minutes, hours or days in the reader’s language', () => {
    expect(formatDuration(20_400, 'en')).toBe('20 seconds');
    expect(formatDuration(45 * 60_000, 'en')).toBe('45 minutes');
    expect(formatDuration(27_360_000, 'en')).toBe('7.6 hours');
    // French puts a no-break space between the number and its unit.
    expect(formatDuration(27_360_000, 'fr')).toBe('7,6\u00a0heures');
    expect(formatDuration(3.5 * 86_400_000, 'fr')).toBe('3,5\u00a0jours');
  });
});

describe('formatMonth', () => {
  it('names the month and year', () => {
    expect(formatMonth('2026-10', 'fr')).toBe('octobre 2026');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
  });
});

describe('reportSpreadsheet', () => {
  it('writes French numbers with a decimal comma between ";" separators, after a BOM', () => {
    const csv = reportSpreadsheet(report, words, spreadsheetConvention('fr'));
    expect(csv.startsWith('\ufeff"Indicateur";"Nom"')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('"Statut";"Idée";"";"4";"1,50";"7,60"');
    expect(lines).toContain('"Attente";"Juridique";"";"2";"3,00";"3,80"');
    expect(lines).toContain('"Statut";"Rédaction";"";"0";"";""');
    expect(lines).toContain('"Publications";"Sans canal";"2026-11";"1";"";""');
    expect(lines).toContain('"Caduques";"Total";"";"1";"";""');
    // A title with the separator and quotes stays one cell.
    expect(csv).toContain('"Tarifs 2027 ; ""ce qui change"" — Juridique"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes English numbers with a decimal point between commas', () => {
    const csv = reportSpreadsheet(report, words, spreadsheetConvention('en'));
    expect(csv.slice(1).split('\r\n')).toContain('"Statut","Idée","","4","1.50","7.60"');
  });
});
