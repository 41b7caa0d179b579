import type { Report } from '../api/reports';
import type { SpreadsheetConvention } from './spreadsheet';
import { spreadsheetFile } from './spreadsheet';

// The report in people's words: durations said in their language, months named, and the CSV
// file in their spreadsheet's convention.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as a person says it: seconds under a minute, whole minutes under an hour, hours with one decimal under two
 * days, days with one decimal beyond ("45 minutes", "7.6 hours", "3,5 jours").
 */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day', digits: number) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'long',
      maximumFractionDigits: digits,
    }).format(value);
  if (ms < MINUTE) return unit(Math.round(ms / 1000), 'second', 0);
  if (ms < HOUR) return unit(Math.round(ms / MINUTE), 'minute', 0);
  if (ms < 2 * DAY) return unit(ms / HOUR, 'hour', 1);
  return unit(ms / DAY, 'day', 1);
}

/** "October 2026", "octobre 2026": a month of the report ("2026-10"). */
export function formatMonth(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number);
  // Noon UTC on the 15th names the same month in every time zone.
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, number! - 1, 15, 12)));
}

/** The words of the CSV file, in the reader's language. */
export interface ReportCsvWords {
  header: [string, string, string, string, string, string];
  publications: string;
  status: string;
  wait: string;
  stale: string;
  total: string;
  noChannel: string;
}

const hours = (ms: number | null, convention: SpreadsheetConvention) =>
  ms === null ? '' : convention.number(ms / HOUR, 2);

/**
 * The report as one table a spreadsheet opens: figure, name, period, count, median and 90th
 * percentile in hours (numbers in the reader's convention: a decimal comma in French).
 */
export function reportSpreadsheet(
  report: Report,
  words: ReportCsvWords,
  convention: SpreadsheetConvention,
): string {
  const rows: string[][] = [words.header];
  const { months, channels, totals } = report.publications;
  for (const channel of channels) {
    months.forEach((month, i) => {
      rows.push([
        words.publications,
        channel.name ?? words.noChannel,
        month,
        convention.number(channel.counts[i] ?? 0),
        '',
        '',
      ]);
    });
  }
  months.forEach((month, i) => {
    rows.push([words.publications, words.total, month, convention.number(totals[i] ?? 0), '', '']);
  });
  for (const s of report.statuses) {
    rows.push([
      words.status,
      s.name,
      '',
      convention.number(s.count),
      hours(s.median_ms, convention),
      hours(s.p90_ms, convention),
    ]);
  }
  for (const w of report.approvals) {
    rows.push([
      words.wait,
      w.name,
      '',
      convention.number(w.count),
      hours(w.median_ms, convention),
      hours(w.p90_ms, convention),
    ]);
  }
  rows.push([
    words.stale,
    words.total,
    '',
    convention.number(report.stale_approvals.count),
    '',
    '',
  ]);
  for (const item of report.stale_approvals.items) {
    rows.push([
      words.stale,
      `${item.content.title} — ${item.team.name}`,
      convention.time(new Date(item.stale_at)),
      convention.number(1),
      '',
      '',
    ]);
  }
  return spreadsheetFile(rows, convention);
}
