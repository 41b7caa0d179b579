import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReport, type Report, type Spread } from '../../api/reports';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { ApiError } from '../../api/client';
import { formatDate, formatNumber } from '../../lib/format';
import { formatDuration, formatMonth, reportSpreadsheet } from '../../lib/reports';
import { downloadCsv, spreadsheetConvention, spreadsheetName } from '../../lib/spreadsheet';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { useTimeZone } from '../../lib/timeZone';

// Where the time goes: what the workspace published per channel and month, how long contents
// stay in each status and wait for each team, and the approvals that went stale before
// publication. Tables with inline bars: every figure is text a screen reader reads; the bars are
// decoration beside it.

const WINDOWS = [30, 90, 365] as const;

export default function ReportScreen() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { membership } = useShell();
  const slug = membership.workspace.slug;
  useDocumentTitle(t('reports.title'));
  const [days, setDays] = useState<number>(90);
  // Months are counted in the person's zone (their profile's, else the browser's).
  const timeZone = useTimeZone();
  const report = useReport(slug, days, timeZone);
  const windowId = useId();

  const download = (data: Report) => {
    const csv = reportSpreadsheet(
      data,
      {
        header: [
          t('reports.csv_figure'),
          t('reports.csv_name'),
          t('reports.csv_period'),
          t('reports.csv_count'),
          t('reports.csv_median_hours'),
          t('reports.csv_p90_hours'),
        ],
        publications: t('reports.publications_title'),
        status: t('reports.statuses_title'),
        wait: t('reports.approvals_title'),
        stale: t('reports.stale_title'),
        total: t('reports.total'),
        noChannel: t('reports.no_channel'),
      },
      spreadsheetConvention(i18n.language),
    );
    downloadCsv(csv, spreadsheetName('report', slug, new Date()));
  };

  return (
    <section className="page reports">
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      <div className="reports-toolbar">
        <label htmlFor={windowId}>{t('reports.window')}</label>
        <select
          id={windowId}
          value={days}
          onChange={(event) => setDays(Number(event.target.value))}
        >
          {WINDOWS.map((n) => (
            <option key={n} value={n}>
              {t('reports.last_days', { count: n })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={!report.data}
          onClick={() => report.data && download(report.data)}
          title={t('reports.download_hint')}
        >
          {t('reports.download')}
        </button>
      </div>
      {report.error ? (
        <Alert>
          {report.error instanceof ApiError && report.error.status === 403
            ? t('reports.forbidden')
            : t('reports.load_failed')}
        </Alert>
      ) : !report.data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('reports.period', {
              from: formatDate(report.data.from, locale),
              to: formatDate(report.data.to, locale),
            })}
          </p>
          <Publications report={report.data} locale={locale} />
          <Durations
            id="reports-statuses"
            title={t('reports.statuses_title')}
            hint={t('reports.statuses_hint')}
            nameHeader={t('reports.status')}
            countHeader={t('reports.stays')}
            rows={report.data.statuses.map((s) => ({ key: s.status, name: s.name, spread: s }))}
            locale={locale}
          />
          <Durations
            id="reports-approvals"
            title={t('reports.approvals_title')}
            hint={t('reports.approvals_hint')}
            nameHeader={t('reports.team')}
            countHeader={t('reports.decisions')}
            rows={report.data.approvals.map((a) => ({ key: a.team, name: a.name, spread: a }))}
            locale={locale}
          />
          <Stale report={report.data} slug={slug} locale={locale} />
        </>
      )}
    </section>
  );
}

/** A bar beside a figure, as long as its share of the largest: decoration only. */
function Bar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="report-bar" aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}

function Publications({ report, locale }: { report: Report; locale: string }) {
  const { t } = useTranslation();
  const { months, channels, totals, total } = report.publications;
  const max = Math.max(0, ...channels.map((c) => c.total));
  return (
    <section className="reports-section" aria-labelledby="reports-publications">
      <h2 id="reports-publications">{t('reports.publications_title')}</h2>
      <p className="muted">{t('reports.publications_hint')}</p>
      <div className="reports-scroll">
        <table className="reports-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.channel')}</th>
              {months.map((m) => (
                <th scope="col" key={m} className="number">
                  {formatMonth(m, locale)}
                </th>
              ))}
              <th scope="col" className="number">
                {t('reports.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.channel ?? ''}>
                <th scope="row">{c.name ?? t('reports.no_channel')}</th>
                {c.counts.map((n, i) => (
                  <td key={months[i]} className="number">
                    {formatNumber(n, locale)}
                  </td>
                ))}
                <td className="number report-total">
                  <Bar value={c.total} max={max} />
                  {formatNumber(c.total, locale)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('reports.total')}</th>
              {totals.map((n, i) => (
                <td key={months[i]} className="number">
                  {formatNumber(n, locale)}
                </td>
              ))}
              <td className="number">{formatNumber(total, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

interface DurationRow {
  key: string;
  name: string;
  spread: Spread;
}

function Durations({
  id,
  title,
  hint,
  nameHeader,
  countHeader,
  rows,
  locale,
}: {
  id: string;
  title: string;
  hint: string;
  nameHeader: string;
  countHeader: string;
  rows: DurationRow[];
  locale: string;
}) {
  const { t } = useTranslation();
  const max = Math.max(0, ...rows.map((r) => r.spread.p90_ms ?? 0));
  const said = (ms: number | null) =>
    ms === null ? <span className="muted">{t('reports.none')}</span> : formatDuration(ms, locale);
  return (
    <section className="reports-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{hint}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.nothing')}</p>
      ) : (
        <div className="reports-scroll">
          <table className="reports-table">
            <thead>
              <tr>
                <th scope="col">{nameHeader}</th>
                <th scope="col" className="number">
                  {countHeader}
                </th>
                <th scope="col">{t('reports.median')}</th>
                <th scope="col">{t('reports.p90')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  <td className="number">{formatNumber(r.spread.count, locale)}</td>
                  <td>
                    <Bar value={r.spread.median_ms ?? 0} max={max} />
                    {said(r.spread.median_ms)}
                  </td>
                  <td>
                    <Bar value={r.spread.p90_ms ?? 0} max={max} />
                    {said(r.spread.p90_ms)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Stale({ report, slug, locale }: { report: Report; slug: string; locale: string }) {
  const { t } = useTranslation();
  const { count, items } = report.stale_approvals;
  return (
    <section className="reports-section" aria-labelledby="reports-stale">
      <h2 id="reports-stale">{t('reports.stale_title')}</h2>
      <p className="reports-stale-count">{t('reports.stale_count', { count })}</p>
      <p className="muted">{t('reports.stale_hint')}</p>
      {items.length > 0 && (
        <div className="reports-scroll">
          <table className="reports-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.content')}</th>
                <th scope="col">{t('reports.team')}</th>
                <th scope="col">{t('reports.stale_at')}</th>
                <th scope="col">{t('reports.published_at')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.content.id}-${item.team.id}-${item.stale_at}`}>
                  <th scope="row">
                    <Link
                      to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(item.content.id)}`}
                    >
                      {item.content.title}
                    </Link>
                  </th>
                  <td>{item.team.name}</td>
                  <td>{formatDate(item.stale_at, locale)}</td>
                  <td>{formatDate(item.published_at, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
