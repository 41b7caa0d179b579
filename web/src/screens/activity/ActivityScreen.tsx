import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ActivityEvent } from '../../api/types';
import {
  fetchWorkspaceActivity,
  useWorkspaceActivity,
  workspaceActivityCsvUrl,
} from '../../api/workflow';
import { contentQuery } from '../../api/contents';
import { useTypes } from '../../api/contentTypes';
import { useMembers, useTeams } from '../../api/members';
import { useProjects } from '../../api/projects';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import {
  activityContext,
  describeEvent,
  isAboutContent,
  type ActivityContext,
} from '../../lib/activity';
import {
  activitySpreadsheet,
  eventPerson,
  spreadsheetConvention,
  spreadsheetFileName,
} from '../../lib/activityCsv';
import { downloadCsv } from '../../lib/spreadsheet';
import {
  activityApiQuery,
  activityFilterParams,
  activityKinds,
  readActivityFilters,
  type ActivityFilters,
} from '../../lib/activityFilters';
import { problemMessage } from '../../lib/errors';
import { formatEventTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';

// The workspace's audit trail: who did what to which content, in words, filtered and paged, and
// the same events as a CSV file for an auditor. Loaded on first visit (App.tsx), like the board.

export default function ActivityScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { membership } = useShell();
  const slug = membership.workspace.slug;
  useDocumentTitle(t('activity_page.title'));

  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readActivityFilters(searchParams);
  const query = activityApiQuery(filters);
  const setFilters = (next: ActivityFilters) =>
    setSearchParams(activityFilterParams(next), { replace: true });

  const activity = useWorkspaceActivity(slug, query);
  const teams = useTeams(slug).data ?? [];
  const types = useTypes(slug).data ?? [];
  const members = useMembers(slug).data ?? [];
  const projects = useProjects(slug).data ?? [];
  const fields = useMemo(() => types.flatMap((type) => type.fields), [types]);
  const context = activityContext(t, locale, teams, fields, { members, projects });
  const events = activity.data?.pages.flatMap((page) => page.items) ?? [];
  const titles = useContentTitles(events);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <section className="page activity-page">
      <div className="page-header">
        <h1>{t('activity_page.title')}</h1>
        <div className="page-header-actions">
          <SpreadsheetExport slug={slug} query={query} context={context} />
          <a
            className="button button-quiet"
            href={workspaceActivityCsvUrl(slug, query)}
            title={t('activity_export.machine_hint')}
            download
          >
            {t('activity_export.machine')}
          </a>
        </div>
      </div>
      <p className="muted">{t('activity_page.intro')}</p>
      <ActivityFilterBar
        filters={filters}
        onChange={setFilters}
        people={members.map((m) => ({ id: m.user_id, name: m.name }))}
      />
      {activity.isError && <Alert>{problemMessage(t, activity.error)}</Alert>}
      {activity.isPending && <p className="muted">{t('common.loading')}</p>}
      {activity.isSuccess && events.length === 0 && (
        <p className="muted">
          {filtered ? t('activity_page.empty_filtered') : t('activity_page.empty')}
        </p>
      )}
      <ol className="activity-list" aria-busy={activity.isFetching}>
        {events.map((event) => {
          const sentence = describeEvent(event, context);
          const content = isAboutContent(event) ? event.subject : null;
          return (
            <li key={event.seq} className={`activity-item activity-${event.kind.split('.')[0]}`}>
              {content && (
                <span className="activity-content">
                  {event.kind === 'content.purged' ? (
                    (titles.get(content) ?? t('activity_page.deleted_content'))
                  ) : (
                    <Link to={`/w/${encodeURIComponent(slug)}/contents/${content}`}>
                      {titles.get(content) ?? t('activity_page.a_content')}
                    </Link>
                  )}
                </span>
              )}
              <span className="activity-line">
                {t('activity.line', {
                  what: t(sentence.key, sentence.values),
                  when: formatEventTime(event.at, locale),
                })}
              </span>
              {sentence.comment && <q className="activity-comment">{sentence.comment}</q>}
            </li>
          );
        })}
      </ol>
      {activity.hasNextPage && (
        <button
          type="button"
          className="button button-quiet"
          disabled={activity.isFetchingNextPage}
          onClick={() => void activity.fetchNextPage()}
        >
          {activity.isFetchingNextPage ? t('common.loading') : t('activity_page.more')}
        </button>
      )}
    </section>
  );
}

/**
 * "Download for a spreadsheet": the filtered events in the reader's language and spreadsheet
 * convention, built in the browser from what the reader may see (titles they cannot open stay
 * "A content").
 */
function SpreadsheetExport({
  slug,
  query,
  context,
}: {
  slug: string;
  query: string;
  context: ActivityContext;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const { items } = await fetchWorkspaceActivity(slug, query);
      const titles = new Map<string, string>();
      const wanted = new Set<string>();
      for (const event of items) {
        if (!event.subject || !isAboutContent(event)) continue;
        if (event.kind === 'content.purged' && typeof event.data.title === 'string') {
          titles.set(event.subject, event.data.title);
        } else wanted.add(event.subject);
      }
      // A few at a time: an export of a busy month names many contents.
      const ids = [...wanted].filter((id) => !titles.has(id));
      for (let at = 0; at < ids.length; at += 6) {
        await Promise.all(
          ids.slice(at, at + 6).map(async (id) => {
            try {
              const content = await queryClient.fetchQuery({
                ...contentQuery(id),
                retry: false,
                staleTime: 60_000,
              });
              titles.set(id, content.title);
            } catch {
              titles.set(id, t('activity_page.a_content'));
            }
          }),
        );
      }
      const rows = items.map((event) => {
        const sentence = describeEvent(event, context);
        return {
          at: event.at,
          person: eventPerson(event),
          content: event.subject && isAboutContent(event) ? (titles.get(event.subject) ?? '') : '',
          what: t(sentence.key, sentence.values),
          remark: sentence.comment ?? '',
        };
      });
      const csv = activitySpreadsheet(
        [
          t('activity_export.col_time'),
          t('activity_export.col_person'),
          t('activity_export.col_content'),
          t('activity_export.col_what'),
          t('activity_export.col_remark'),
        ],
        rows,
        spreadsheetConvention(i18n.language),
      );
      downloadCsv(csv, spreadsheetFileName(slug, new Date()));
    } catch (error) {
      setFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        disabled={busy}
        title={t('activity_export.spreadsheet_hint')}
        onClick={() => void download()}
      >
        {busy ? t('activity_export.preparing') : t('activity_export.spreadsheet')}
      </button>
      {failed !== null && <Alert>{problemMessage(t, failed)}</Alert>}
    </>
  );
}

/**
 * The titles of the contents the events are about, by id. Each content is asked once (and shared
 * with the content page's cache); a purged one keeps the title its last event recorded.
 */
function useContentTitles(events: ActivityEvent[]): Map<string, string> {
  const purged = new Map<string, string>();
  const ids = new Set<string>();
  for (const event of events) {
    if (!event.subject || !isAboutContent(event)) continue;
    if (event.kind === 'content.purged') {
      purged.set(event.subject, typeof event.data.title === 'string' ? event.data.title : '');
    } else {
      ids.add(event.subject);
    }
  }
  const wanted = [...ids].filter((id) => !purged.has(id));
  const contents = useQueries({
    queries: wanted.map((id) => ({ ...contentQuery(id), retry: false, staleTime: 60_000 })),
  });
  const titles = new Map<string, string>();
  for (const [id, title] of purged) if (title) titles.set(id, title);
  contents.forEach((result, index) => {
    if (result.data) titles.set(wanted[index]!, result.data.title);
  });
  return titles;
}

function ActivityFilterBar({
  filters,
  onChange,
  people,
}: {
  filters: ActivityFilters;
  onChange: (filters: ActivityFilters) => void;
  people: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (change: Partial<ActivityFilters>) => onChange({ ...filters, ...change });
  return (
    <form
      className="activity-filters"
      role="search"
      aria-label={t('activity_page.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="meta-field">
        <label htmlFor={`${id}-kind`}>{t('activity_page.kind')}</label>
        <select
          id={`${id}-kind`}
          value={filters.kind}
          onChange={(event) => set({ kind: event.target.value })}
        >
          {activityKinds.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {t(kind.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="meta-field">
        <label htmlFor={`${id}-actor`}>{t('activity_page.person')}</label>
        <select
          id={`${id}-actor`}
          value={filters.actor}
          onChange={(event) => set({ actor: event.target.value })}
        >
          <option value="">{t('activity_page.person_all')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="meta-field">
        <label htmlFor={`${id}-from`}>{t('activity_page.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => set({ from: event.target.value })}
        />
      </div>
      <div className="meta-field">
        <label htmlFor={`${id}-to`}>{t('activity_page.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => set({ to: event.target.value })}
        />
      </div>
      {Object.values(filters).some(Boolean) && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onChange({ kind: '', actor: '', from: '', to: '' })}
        >
          {t('activity_page.clear')}
        </button>
      )}
    </form>
  );
}
