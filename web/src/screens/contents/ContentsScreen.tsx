import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel, ContentSummary, Member } from '../../api/types';
import { useChannels } from '../../api/channels';
import { useContentList } from '../../api/contents';
import { useTypes } from '../../api/contentTypes';
import { useMembers } from '../../api/members';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { emptyFilters, toggleSort, type ListFilters, type SortKey } from '../../lib/filters';
import { formatDate, formatRelative } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { canCreateContent } from '../../lib/permissions';
import { isStaff } from '../../lib/sharing';
import { ChannelBadges } from './ChannelBadges';
import { AttachmentCount } from '../files/AttachmentCount';
import { FilterBar, useListFilters, ViewToggle } from './FilterBar';
import { NewContentButton } from './NewContent';
import { ImportDocumentZone } from '../documents/ImportDialogs';
import { SaveViewButton } from '../views/SaveViewButton';

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
  const { filters, apiQuery, count: filterCount, search, setFilters } = useListFilters();
  useDocumentTitle(t('contents.title'));

  const list = useContentList(slug, apiQuery);
  const types = useTypes(slug).data ?? [];
  const channels = useChannels(slug).data ?? [];
  const members = useMembers(slug, isStaff(membership.role)).data ?? [];
  const memberById = useMemo(() => new Map(members.map((m) => [m.user_id, m])), [members]);

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

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
        {isStaff(membership.role) && <ViewToggle slug={slug} search={search} />}
        <div className="page-header-actions">
          <SaveViewButton
            workspace={membership.workspace}
            role={membership.role}
            filters={filters}
            screen="contents"
          />
          {canCreateContent(membership.role) && <NewContentButton slug={slug} types={types} />}
        </div>
      </div>
      {canCreateContent(membership.role) && types.length > 0 && (
        <ImportDocumentZone slug={slug} types={types} />
      )}
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
            <th scope="col">{t('contents.col_status')}</th>
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
          <p>
            {filterCount > 0
              ? t('contents.empty_filtered')
              : canCreateContent(membership.role)
                ? t('contents.empty')
                : membership.role === 'guest'
                  ? t('first_day.contents_empty_guest')
                  : t('first_day.contents_empty_reader')}
          </p>
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
        <AttachmentCount count={item.attachments_count} />
        {item.tags.length > 0 && (
          <span className="cell-tags">{item.tags.map((tag) => `#${tag}`).join(' ')}</span>
        )}
      </td>
      <td>{item.type.name}</td>
      <td>
        {item.status && (
          <span className="status-name">
            <span
              className="status-dot"
              style={{ background: item.status.color }}
              aria-hidden="true"
            />
            {item.status.name}
          </span>
        )}
      </td>
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
