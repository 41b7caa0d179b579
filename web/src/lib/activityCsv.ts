import type { ActivityEvent } from '../api/types';

// The activity as a spreadsheet opens it: the reader's convention (French Excel splits on ";" and
// reads UTF-8 only after a byte-order mark), local times, names and titles rather than ids, and
// one sentence per event in the reader's language. Built here because the sentences, the language
// and the time zone are the app's; integrations keep the server's machine CSV (format=csv).

export interface SpreadsheetConvention {
  /** The column separator the reader's spreadsheet expects. */
  separator: ',' | ';';
  /** How a local time is written so that the spreadsheet reads it as a date. */
  time: (at: Date) => string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** French spreadsheets: ";" (the comma is the decimal mark) and day/month/year; else "," and ISO. */
export function spreadsheetConvention(language: string): SpreadsheetConvention {
  if (language.startsWith('fr')) {
    return {
      separator: ';',
      time: (at) =>
        `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`,
    };
  }
  return {
    separator: ',',
    time: (at) =>
      `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`,
  };
}

// A cell a spreadsheet could run as a formula: = + - @ first, or a control or invisible format
// character first that would hide one (the same rule as the server's machine CSV).
const formulaStart =
  /^[=+\-@\t\r\n\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

/** One cell: quoted, quotes doubled, and never read as a formula. */
export function spreadsheetCell(value: string): string {
  const defused = formulaStart.test(value) ? `'${value}` : value;
  return `"${defused.replace(/"/g, '""')}"`;
}

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
  const line = (cells: string[]) => cells.map(spreadsheetCell).join(convention.separator);
  const lines = [line(header)];
  for (const row of rows) {
    lines.push(
      line([convention.time(new Date(row.at)), row.person, row.content, row.what, row.remark]),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Who did it, as a reader knows them: a review link's visitor by the name they gave. */
export function eventPerson(event: ActivityEvent): string {
  const visitor = event.data.visitor;
  if (typeof visitor === 'string' && visitor !== '' && !event.actor.name) return visitor;
  return event.actor.name || (typeof visitor === 'string' ? visitor : '');
}

/** The file's name: the workspace and the day it was taken. */
export function spreadsheetFileName(slug: string, now: Date): string {
  return `copydesk-activity-${slug}-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.csv`;
}
