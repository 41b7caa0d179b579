import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { useWorkflow } from '../../api/workflow';
import { useChannels } from '../../api/channels';
import { useTags } from '../../api/contents';
import { useTypes } from '../../api/contentTypes';
import { useMembers } from '../../api/members';
import { useProjects } from '../../api/projects';
import { publicationStates } from '../../api/publications';
import { translationFilterStates } from '../../api/translations';
import { Popover } from '../../components/Popover';
import { publicationStateKey, translationFilterStateKey } from '../../i18n/keys';
import { isStaff } from '../../lib/sharing';
import { useShell } from '../AppShell';
import { channelDepths } from '../../lib/channels';
import {
  activeFilterCount,
  clearFilters,
  dateFilters,
  filtersToApiQuery,
  filtersToSearch,
  multiFilters,
  parseFilters,
  type DateFilter,
  type ListFilters,
  type MultiFilter,
} from '../../lib/filters';

// One filter bar for every screen that narrows the workspace's contents: the list, the board and
// the search results (which show most filters as facets and ask this bar for the others). The
// list and the board read the same filters from the URL, so switching between them keeps what
// the user narrowed down to.

/**
 * The list's and the board's filters in the page's URL, the list endpoint's query they make, and
 * a way to change them. Words are search's: these screens neither show nor keep them.
 */
export function useListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo((): ListFilters => {
    const read = parseFilters(searchParams);
    // A link from search may carry words and their relevance order: the list has neither.
    return read.sort === 'relevance'
      ? { ...read, q: '', sort: 'updated', order: 'desc' }
      : { ...read, q: '' };
  }, [searchParams]);
  const apiQuery = useMemo(() => filtersToApiQuery(filters), [filters]);
  return {
    filters,
    apiQuery,
    count: activeFilterCount(filters),
    search: filtersToSearch(filters).toString(),
    setFilters: (next: ListFilters) => setSearchParams(filtersToSearch(next)),
  };
}

/** List | Board | Calendar, keeping the filters. */
export function ViewToggle({ slug, search }: { slug: string; search: string }) {
  const { t } = useTranslation();
  const base = `/w/${encodeURIComponent(slug)}`;
  const query = search ? `?${search}` : '';
  return (
    <nav className="segmented view-toggle" aria-label={t('board.views')}>
      <NavLink to={`${base}/contents${query}`} end>
        {t('board.view_list')}
      </NavLink>
      <NavLink to={`${base}/board${query}`} end>
        {t('board.view_board')}
      </NavLink>
      <NavLink to={`${base}/calendar${query}`} end>
        {t('calendar.nav')}
      </NavLink>
    </nav>
  );
}

const guestFilters: readonly MultiFilter[] = [
  'type',
  'channel',
  'language',
  'publication',
  'translation',
];

const dateFilterLabel = {
  publish: 'contents.filter_publish',
  due: 'contents.filter_due',
  updated: 'contents.filter_updated',
} as const;

/**
 * The filters as chips that open a checklist or a date range: all of them above the list and the
 * board, those search has no facet for above its results.
 */
export function FilterBar({
  filters,
  onChange,
  slug,
  count,
  multi = multiFilters,
  dates = dateFilters,
  archived = true,
}: {
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
  slug: string;
  count: number;
  /** The checklist filters to show, in this order. */
  multi?: readonly MultiFilter[];
  /** The date ranges to show. */
  dates?: readonly DateFilter[];
  /** Whether archived contents may be asked for (the calendar never shows them). */
  archived?: boolean;
}) {
  const { t } = useTranslation();
  // A guest filters by what they may read of the workspace: types, channels, languages.
  const staff = isStaff(useShell().membership.role);
  if (!staff) multi = multi.filter((name) => guestFilters.includes(name));
  const types = useTypes(slug).data ?? [];
  const channels = useChannels(slug).data ?? [];
  const members = useMembers(slug, staff).data ?? [];
  const projects = useProjects(slug, staff).data ?? [];
  const statuses = useWorkflow(slug, multi.includes('status')).data ?? [];
  const [tagPrefix, setTagPrefix] = useState('');
  const tags = useTags(slug, tagPrefix, multi.includes('tag')).data ?? [];

  const setMulti = (name: MultiFilter, values: string[]) =>
    onChange({ ...filters, multi: { ...filters.multi, [name]: values } });
  const setDates = (name: DateFilter, from: string | null, to: string | null) =>
    onChange({ ...filters, dates: { ...filters.dates, [name]: { from, to } } });

  const people = members.map((m) => ({ value: m.user_id, label: m.name }));
  const depth = channelDepths(channels);
  const options: Record<
    MultiFilter,
    { value: string; label: string; indent?: number; color?: string }[]
  > = {
    type: types.map((type) => ({ value: type.key, label: type.name })),
    status: statuses.map((status) => ({
      value: status.id,
      label: status.name,
      color: status.color,
    })),
    channel: channels.map((c) => ({ value: c.id, label: c.name, indent: depth.get(c.id) ?? 0 })),
    tag: [
      ...filters.multi.tag.map((tag) => ({ value: tag, label: `#${tag}` })),
      ...tags
        .filter((tag) => !filters.multi.tag.includes(tag.tag))
        .map((tag) => ({ value: tag.tag, label: `#${tag.tag} (${tag.count})` })),
    ],
    owner: people,
    assignee: people,
    project: projects.map((p) => ({ value: p.id, label: p.name })),
    language: [
      { value: 'en', label: t('language.en') },
      { value: 'fr', label: t('language.fr') },
    ],
    publication: publicationStates.map((state) => ({
      value: state,
      label: t(publicationStateKey[state]),
    })),
    translation: translationFilterStates.map((state) => ({
      value: state,
      label: t(translationFilterStateKey[state]),
    })),
  };
  const multiLabel: Record<MultiFilter, string> = {
    type: t('contents.filter_type'),
    status: t('contents.filter_status'),
    channel: t('contents.filter_channel'),
    tag: t('contents.filter_tag'),
    owner: t('contents.filter_owner'),
    assignee: t('contents.filter_assignee'),
    project: t('contents.filter_project'),
    language: t('contents.filter_language'),
    publication: t('publication.filter'),
    translation: t('translations.filter'),
  };

  return (
    <div className="filter-bar" role="group" aria-label={t('contents.filters')}>
      {multi.map((name) => {
        const selected = filters.multi[name];
        return (
          <Popover
            key={name}
            title={multiLabel[name]}
            active={selected.length > 0}
            label={
              <>
                {multiLabel[name]}
                {selected.length > 0 && <span className="chip-count">{selected.length}</span>}
              </>
            }
          >
            {() => (
              <fieldset className="checklist">
                <legend className="sr-only">{multiLabel[name]}</legend>
                {name === 'tag' && (
                  <input
                    type="search"
                    className="checklist-search"
                    aria-label={t('contents.tag_search')}
                    placeholder={t('contents.tag_search')}
                    value={tagPrefix}
                    onChange={(event) => setTagPrefix(event.target.value)}
                  />
                )}
                {options[name].length === 0 && <p className="muted">{t('contents.no_options')}</p>}
                {options[name].map((option) => (
                  <label
                    key={option.value}
                    className="checklist-item"
                    style={
                      option.indent
                        ? { paddingInlineStart: `${option.indent * 1.25 + 0.5}rem` }
                        : undefined
                    }
                  >
                    <input
                      type="checkbox"
                      checked={selected.includes(option.value)}
                      onChange={(event) =>
                        setMulti(
                          name,
                          event.target.checked
                            ? [...selected, option.value]
                            : selected.filter((value) => value !== option.value),
                        )
                      }
                    />
                    {option.color && (
                      <span
                        className="status-dot"
                        style={{ background: option.color }}
                        aria-hidden="true"
                      />
                    )}
                    {option.label}
                  </label>
                ))}
              </fieldset>
            )}
          </Popover>
        );
      })}
      {dates.map((name) => {
        const range = filters.dates[name];
        return (
          <Popover
            key={name}
            title={t(dateFilterLabel[name])}
            active={Boolean(range.from || range.to)}
            label={t(dateFilterLabel[name])}
          >
            {() => (
              <div className="date-range">
                <label>
                  {t('contents.date_from')}
                  <input
                    type="date"
                    value={range.from ?? ''}
                    onChange={(event) => setDates(name, event.target.value || null, range.to)}
                  />
                </label>
                <label>
                  {t('contents.date_to')}
                  <input
                    type="date"
                    value={range.to ?? ''}
                    onChange={(event) => setDates(name, range.from, event.target.value || null)}
                  />
                </label>
              </div>
            )}
          </Popover>
        );
      })}
      {archived && (
        <label className="chip chip-check">
          <input
            type="checkbox"
            checked={filters.archived}
            onChange={(event) => onChange({ ...filters, archived: event.target.checked })}
          />
          {t('contents.filter_archived')}
        </label>
      )}
      {count > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange(clearFilters(filters))}
        >
          {t('contents.clear_filters_count', { count })}
        </button>
      )}
    </div>
  );
}
