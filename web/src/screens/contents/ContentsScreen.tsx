import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Channel, ContentSummary, Member } from '../../api/types';
import {
  useChannels,
  useContentList,
  useMembers,
  useProjects,
  useTags,
  useTypes,
} from '../../api/workspace';
import { Alert } from '../../components/Alert';
import { Popover } from '../../components/Popover';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import {
  activeFilterCount,
  emptyFilters,
  filtersToApiQuery,
  filtersToSearch,
  parseFilters,
  toggleSort,
  type DateFilter,
  type ListFilters,
  type MultiFilter,
  type SortKey,
} from '../../lib/filters';
import { formatDate, formatRelative } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { channelDepths } from '../../lib/channels';
import { canCreateContent } from '../../lib/permissions';
import { ChannelBadges } from './ChannelBadges';
import { NewContentButton } from './NewContent';

/** Pointing at a content starts loading the editor's code, so opening it is instant. */
function prefetchEditor() {
  void import('../content/ContentPage');
}

/** The contents list: filter, sort, scroll, open one, start a new one. */
export function ContentsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { membership } = useShell();
  const slug = membership.workspace.slug;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const apiQuery = useMemo(() => filtersToApiQuery(filters), [filters]);
  useDocumentTitle(t('contents.title'));

  const list = useContentList(slug, apiQuery);
  const types = useTypes(slug).data ?? [];
  const channels = useChannels(slug).data ?? [];
  const members = useMembers(slug).data ?? [];
  const memberById = useMemo(() => new Map(members.map((m) => [m.user_id, m])), [members]);

  const setFilters = (next: ListFilters) => setSearchParams(filtersToSearch(next));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filterCount = activeFilterCount(filters);

  // Infinite scroll: the row after the last one asks for the next page when it comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) {
        void fetchNextPage();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section className="page page-wide">
      <div className="page-header">
        <h1>{t('contents.title')}</h1>
        {canCreateContent(membership.role) && <NewContentButton slug={slug} types={types} />}
      </div>
      <FilterBar filters={filters} onChange={setFilters} slug={slug} count={filterCount} />
      {list.isError && <Alert>{genericErrorMessage(t, list.error)}</Alert>}
      <table className="table contents-table" aria-busy={list.isFetching}>
        <caption className="sr-only">{t('contents.table_caption')}</caption>
        <thead>
          <tr>
            <SortHeader filters={filters} sort="title" onChange={setFilters}>
              {t('contents.col_title')}
            </SortHeader>
            <th scope="col">{t('contents.col_type')}</th>
            <th scope="col">{t('contents.col_channels')}</th>
            <th scope="col">{t('contents.col_owner')}</th>
            <th scope="col">{t('contents.col_assignees')}</th>
            <SortHeader filters={filters} sort="publish_at" onChange={setFilters}>
              {t('contents.col_publish')}
            </SortHeader>
            <SortHeader filters={filters} sort="updated" onChange={setFilters}>
              {t('contents.col_updated')}
            </SortHeader>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ContentRow
              key={item.id}
              item={item}
              slug={slug}
              locale={locale}
              channels={channels}
              memberById={memberById}
            />
          ))}
        </tbody>
      </table>
      {list.isPending && <p className="muted">{t('common.loading')}</p>}
      {list.isSuccess && items.length === 0 && (
        <div className="empty">
          <p>{filterCount > 0 ? t('contents.empty_filtered') : t('contents.empty')}</p>
          {filterCount > 0 && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setFilters(emptyFilters())}
            >
              {t('contents.clear_filters')}
            </button>
          )}
        </div>
      )}
      <div ref={sentinel} className="list-end">
        {hasNextPage && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {isFetchingNextPage ? t('common.loading') : t('contents.load_more')}
          </button>
        )}
      </div>
    </section>
  );
}

function SortHeader({
  filters,
  sort,
  onChange,
  children,
}: {
  filters: ListFilters;
  sort: SortKey;
  onChange: (filters: ListFilters) => void;
  children: ReactNode;
}) {
  const active = filters.sort === sort;
  const direction = filters.order === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={active ? direction : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onChange(toggleSort(filters, sort))}
      >
        {children}
        <span aria-hidden="true" className="sort-mark">
          {active ? (filters.order === 'asc' ? '↑' : '↓') : ''}
        </span>
      </button>
    </th>
  );
}

function ContentRow({
  item,
  slug,
  locale,
  channels,
  memberById,
}: {
  item: ContentSummary;
  slug: string;
  locale: string;
  channels: Channel[];
  memberById: Map<string, Member>;
}) {
  const { t } = useTranslation();
  const name = (id: string | null) => (id ? (memberById.get(id)?.name ?? '') : '');
  return (
    <tr>
      <td className="cell-title">
        <Link
          to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(item.id)}`}
          onMouseEnter={prefetchEditor}
          onFocus={prefetchEditor}
        >
          {item.title || t('content.untitled')}
        </Link>
        {item.archived && <span className="badge">{t('contents.archived_badge')}</span>}
        {item.tags.length > 0 && (
          <span className="cell-tags">{item.tags.map((tag) => `#${tag}`).join(' ')}</span>
        )}
      </td>
      <td>{item.type.name}</td>
      <td>
        <ChannelBadges ids={item.channels} channels={channels} />
      </td>
      <td>{name(item.owner)}</td>
      <td>{item.assignees.map(name).filter(Boolean).join(', ')}</td>
      <td>{formatDate(item.publish_at, locale)}</td>
      <td title={formatDate(item.updated_at, locale)}>{formatRelative(item.updated_at, locale)}</td>
    </tr>
  );
}

const dateFilterLabel = {
  publish: 'contents.filter_publish',
  due: 'contents.filter_due',
  updated: 'contents.filter_updated',
} as const;

function FilterBar({
  filters,
  onChange,
  slug,
  count,
}: {
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
  slug: string;
  count: number;
}) {
  const { t } = useTranslation();
  const types = useTypes(slug).data ?? [];
  const channels = useChannels(slug).data ?? [];
  const members = useMembers(slug).data ?? [];
  const projects = useProjects(slug).data ?? [];
  const [tagPrefix, setTagPrefix] = useState('');
  const tags = useTags(slug, tagPrefix).data ?? [];

  const setMulti = (name: MultiFilter, values: string[]) =>
    onChange({ ...filters, multi: { ...filters.multi, [name]: values } });
  const setDates = (name: DateFilter, from: string | null, to: string | null) =>
    onChange({ ...filters, dates: { ...filters.dates, [name]: { from, to } } });

  const people = members.map((m) => ({ value: m.user_id, label: m.name }));
  const depth = channelDepths(channels);
  const options: Record<MultiFilter, { value: string; label: string; indent?: number }[]> = {
    type: types.map((type) => ({ value: type.key, label: type.name })),
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
  };
  const multiLabel: Record<MultiFilter, string> = {
    type: t('contents.filter_type'),
    channel: t('contents.filter_channel'),
    tag: t('contents.filter_tag'),
    owner: t('contents.filter_owner'),
    assignee: t('contents.filter_assignee'),
    project: t('contents.filter_project'),
    language: t('contents.filter_language'),
  };

  return (
    <div className="filter-bar" role="group" aria-label={t('contents.filters')}>
      {(Object.keys(options) as MultiFilter[]).map((name) => {
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
                    {option.label}
                  </label>
                ))}
              </fieldset>
            )}
          </Popover>
        );
      })}
      {(Object.keys(dateFilterLabel) as DateFilter[]).map((name) => {
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
      <label className="chip chip-check">
        <input
          type="checkbox"
          checked={filters.archived}
          onChange={(event) => onChange({ ...filters, archived: event.target.checked })}
        />
        {t('contents.filter_archived')}
      </label>
      {count > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ ...emptyFilters(), sort: filters.sort, order: filters.order })}
        >
          {t('contents.clear_filters_count', { count })}
        </button>
      )}
    </div>
  );
}
