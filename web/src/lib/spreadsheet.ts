// A file a spreadsheet opens in the reader's convention: French Excel splits on ";" (the comma is
// the decimal mark) and reads UTF-8 only after a byte-order mark; English ones split on ",".
// Shared by every "download for a spreadsheet" of the app (activity, report).

export interface SpreadsheetConvention {
  /** The column separator the reader's spreadsheet expects. */
  separator: ',' | ';';
  /** How a local time is written so that the spreadsheet reads it as a date. */
  time: (at: Date) => string;
  /** How a number is written so that the spreadsheet reads it as one (no grouping). */
  number: (value: number, decimals?: number) => string;
}

const two = (n: number) => String(n).padStart(2, '0');

const plainNumber = (value: number, decimals = 0) => value.toFixed(decimals);

/** French spreadsheets: ";", decimal comma and day/month/year; else ",", decimal point and ISO. */
export function spreadsheetConvention(language: string): SpreadsheetConvention {
  if (language.startsWith('fr')) {
    return {
      separator: ';',
      time: (at) =>
        `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`,
      number: (value, decimals) => plainNumber(value, decimals).replace('.', ','),
    };
  }
  return {
    separator: ',',
    time: (at) =>
      `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`,
    number: plainNumber,
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

/** The whole file: byte-order mark, one line per row, CRLF as spreadsheets expect. */
export function spreadsheetFile(lines: string[][], convention: SpreadsheetConvention): string {
  const body = lines.map((cells) => cells.map(spreadsheetCell).join(convention.separator));
  return `\ufeff${body.join('\r\n')}\r\n`;
}

/** A file's name: what it is, the workspace and the day it was taken. */
export function spreadsheetName(what: string, slug: string, now: Date): string {
  return `copydesk-${what}-${slug}-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.csv`;
}

/** Makes the browser download `text` as a CSV file called `name`. */
export function downloadCsv(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
