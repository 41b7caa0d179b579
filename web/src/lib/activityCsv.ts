import type { ActivityEvent } from '../api/types';
import { spreadsheetFile, spreadsheetName, type SpreadsheetConvention } from './spreadsheet';

// The activity as a spreadsheet opens it: the reader's convention (French Excel splits on ";" and
// reads UTF-8 only after a byte-order mark), local times, names and titles rather than ids, and
// one sentence per event in the reader's language. Built here because the sentences, the language
// and the time zone are the app's; integrations keep the server's machine CSV (format=csv).

export type { SpreadsheetConvention } from './spreadsheet';
export { spreadsheetCell, spreadsheetConvention } from './spreadsheet';

/** One row of the export, already in the reader's words. */
export interface SpreadsheetRow {
  at: string;
  person: string;
  content: string;
  what: string;
  remark: string;
}

/** The whole file: byte-order mark, header, one line per event, CRLF as spreadsheets expect. */
export function activitySpreadsheet(
  header: [string, string, string, string, string],
  rows: SpreadsheetRow[],
  convention: SpreadsheetConvention,
): string {
  return spreadsheetFile(
    [
      header,
      ...rows.map((row) => [
        convention.time(new Date(row.at)),
        row.person,
        row.content,
        row.what,
        row.remark,
      ]),
    ],
    convention,
  );
}

/** Who did it, as a reader knows them: a review link's visitor by the name they gave. */
export function eventPerson(event: ActivityEvent): string {
  const visitor = event.data.visitor;
  if (typeof visitor === 'string' && visitor !== '' && !event.actor.name) return visitor;
  return event.actor.name || (typeof visitor === 'string' ? visitor : '');
}

/** The file's name: the workspace and the day it was taken. */
export function spreadsheetFileName(slug: string, now: Date): string {
  return spreadsheetName('activity', slug, now);
}
