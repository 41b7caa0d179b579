import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activitySpreadsheet,
  spreadsheetCell,
  spreadsheetConvention,
  spreadsheetFileName,
} from './activityCsv';

// The export an auditor opens in French Excel: ";" between cells, the BOM that makes Excel read
// UTF-8, times in the reader's time zone, and cells that can never run as formulas.

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  process.env.TZ = zone;
});

const header: [string, string, string, string, string] = [
  'Date',
  'Personne',
  'Contenu',
  'Événement',
  'Remarque',
];

describe('activitySpreadsheet', () => {
  it('writes the French convention: BOM, ";" separator, local day/month/year time', () => {
    const csv = activitySpreadsheet(
      header,
      [
        {
          at: '2026-03-03T14:02:00Z',
          person: 'Claire Dubois',
          content: 'Sécurité des citernes; hiver',
          what: 'Juridique (Claire Dubois) a approuvé la révision 7',
          remark: 'Dire « jusqu’à ».',
        },
      ],
      spreadsheetConvention('fr'),
    );
    expect(csv.startsWith('\ufeff"Date";"Personne";"Contenu";"Événement";"Remarque"\r\n')).toBe(
      true,
    );
    // 14:02 UTC is 15:02 in Paris in March.
    expect(csv.split('\r\n')[1]).toBe(
      '"03/03/2026 15:02";"Claire Dubois";"Sécurité des citernes; hiver";"Juridique (Claire Dubois) a approuvé la révision 7";"Dire « jusqu’à »."',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes the English convention with commas and an ISO-like local time', () => {
    const csv = activitySpreadsheet(
      ['Date', 'Person', 'Content', 'What happened', 'Remark'],
      [{ at: '2026-07-01T08:30:00Z', person: 'Chloé', content: '', what: 'x', remark: '' }],
      spreadsheetConvention('en'),
    );
    expect(csv.split('\r\n')[1]).toBe('"2026-07-01 10:30","Chloé","","x",""');
  });
});

describe('spreadsheetCell', () => {
  it('doubles quotes and defuses what a spreadsheet would run as a formula', () => {
    expect(spreadsheetCell('Say "up to"')).toBe('"Say ""up to"""');
    for (const formula of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\t=1', '\u200b=1', '\r=1']) {
      expect(spreadsheetCell(formula)).toBe(`"'${formula}"`);
    }
    expect(spreadsheetCell('Prix = 3 €')).toBe('"Prix = 3 €"');
  });
});

describe('spreadsheetFileName', () => {
  it('names the workspace and the day', () => {
    expect(spreadsheetFileName('acme', new Date(2026, 11, 7))).toBe(
      'copydesk-activity-acme-2026-12-07.csv',
    );
  });
});
