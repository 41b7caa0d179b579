import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import type {
  Channel,
  Content,
  ContentPage,
  ContentSummary,
  MissingApproval,
  Status,
} from '../../api/types';
import { useMoveContent, useWorkflow } from '../../api/workflow';
import { useChannels } from '../../api/channels';
import { useContentList } from '../../api/contents';
import { useTypes } from '../../api/contentTypes';
import { useMembers, useTeams } from '../../api/members';
import { workspaceKeys } from '../../api/workspace';
import { Alert } from '../../components/Alert';
import { Popover } from '../../components/Popover';
import { useLocale } from '../../i18n';
import { genericErrorMessage, problemMessage } from '../../lib/errors';
import { filtersToApiQuery, withValues, type ListFilters } from '../../lib/filters';
import { formatDate, formatList } from '../../lib/format';
import { canCreateContent, canEditContent } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { teamsOf, teamsUserMayAnswerFor } from '../../lib/workflow';
import { useShell } from '../AppShell';
import { ChannelBadges } from '../contents/ChannelBadges';
import { FilterBar, useListFilters, ViewToggle } from '../contents/FilterBar';
import { NewContentButton } from '../contents/NewContent';
import { SaveViewButton } from '../views/SaveViewButton';
import { ApprovalBadges } from './ApprovalBadges';
import { AttachmentCount } from '../files/AttachmentCount';

// Each column asks the contents list for its own status, this many cards at a time; "More" at
// the bottom of a column asks for the next ones.
const pageSize = 50;

/** A column's query: the board's filters, for one status. */
function columnQuery(filters: ListFilters, statusId: string): string {
  return `${filtersToApiQuery(withValues(filters, 'status', [statusId]))}&limit=${pageSize}`;
}

type Notice = { tone: 'info' | 'error'; text: string } | null;

/** A card dropped on a column, shown there while its move is on its way. */
type Placed = { item: ContentSummary; to: Status };

/** /w/:slug/board: one column per status; a card moves by drag and drop or by "Move to…". */
export function BoardScreen() {
  const { t } = useTranslation();
  const { me, membership } = useShell();
  const slug = membership.workspace.slug;
  const { filters, count, search, setFilters } = useListFilters();
  useDocumentTitle(t('board.title'));

  const statuses = useWorkflow(slug);
  const types = useTypes(slug).data ?? [];
  const channels = useChannels(slug).data ?? [];
  const members = useMembers(slug).data ?? [];
  const teams = useTeams(slug).data ?? [];
  const memberName = useMemo(() => new Map(members.map((m) => [m.user_id, m.name])), [members]);
  const myTeams = useMemo(() => teamsOf(teams, me.user.id), [teams, me.user.id]);
  const locale = useLocale();
  const listNames = (names: string[]) => formatList(names, locale);
  const queryClient = useQueryClient();
  const move = useMoveContent();
  // Where cards were dropped while their move is on its way: they show there at once, and go
  // back where they were if the server says no.
  const [placed, setPlaced] = useState<Record<string, Placed>>({});
  const [dragging, setDragging] = useState<ContentSummary | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const workflow = useMemo(() => statuses.data ?? [], [statuses.data]);
  // A status filter shows only its columns; none shows them all.
  const columns = useMemo(() => {
    const chosen = filters.multi.status;
    return chosen.length > 0 ? workflow.filter((status) => chosen.includes(status.id)) : workflow;
  }, [workflow, filters.multi.status]);

  const mayMove = (item: ContentSummary) =>
    canEditContent(membership.role, me.user.id, item) ||
    teamsUserMayAnswerFor(workflow, item.status?.id ?? null, myTeams).length > 0;

  const teamNames = (ids: string[]) =>
    listNames(ids.map((id) => teams.find((team) => team.id === id)?.name ?? id));

  const moveCard = async (item: ContentSummary, target: Status) => {
    const from = item.status ?? workflow[0];
    if (!from || from.id === target.id) return;
    const title = item.title || t('content.untitled');
    setNotice(null);
    setPlaced((now) => ({ ...now, [item.id]: { item, to: target } }));
    try {
      const content = await move.mutateAsync({ id: item.id, status: target.id });
      // The card leaves its column and heads the new one, even if a column's refresh failed.
      const column = (statusId: string) =>
        workspaceKeys.contents(slug, columnQuery(filters, statusId));
      const update = (
        statusId: string,
        change: (items: ContentSummary[], first: boolean) => ContentSummary[],
      ) =>
        queryClient.setQueryData(
          column(statusId),
          (data: InfiniteData<ContentPage> | undefined) =>
            data && {
              ...data,
              pages: data.pages.map((page, index) => ({
                ...page,
                items: change(page.items, index === 0),
              })),
            },
        );
      const moved = summaryOf(content);
      update(from.id, (items) => items.filter((one) => one.id !== moved.id));
      update(target.id, (items, first) => [
        ...(first && !items.some((one) => one.id === moved.id) ? [moved] : []),
        ...items.map((one) => (one.id === moved.id ? moved : one)),
      ]);
      const advisory = (content as Content & { missing_approvals?: MissingApproval[] })
        .missing_approvals;
      setNotice({
        tone: 'info',
        text:
          advisory && advisory.length > 0
            ? t('board.moved_without', {
                title,
                status: target.name,
                teams: teamNames(advisory.map((m) => m.team_id)),
              })
            : t('board.moved', { title, status: target.name }),
      });
    } catch (error) {
      setNotice({ tone: 'error', text: refusal(error, title, from.name, target.name) });
    } finally {
      setPlaced(({ [item.id]: _, ...rest }) => rest);
    }
  };

  const refusal = (error: unknown, title: string, from: string, status: string): string => {
    if (isApiError(error, 409)) {
      const missing = error.extra.missing_approvals;
      if (Array.isArray(missing) && missing.length > 0) {
        const names = listNames((missing as MissingApproval[]).map((m) => m.team_name));
        return t('board.blocked', { title, from, status, teams: names });
      }
      if (error.extra.violations === true) {
        return t('board.blocked_violations', { title, from, status });
      }
    }
    return t('board.failed', { title, reason: problemMessage(t, error, 'move') });
  };

  const onDrop = (event: DragEvent, status: Status) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain');
    const item = dragging && (!id || id === dragging.id) ? dragging : null;
    setDragging(null);
    if (item) void moveCard(item, status);
  };

  return (
    <section className="page page-wide board-page">
      <div className="page-header">
        <h1>{t('board.title')}</h1>
        <ViewToggle slug={slug} search={search} />
        <div className="page-header-actions">
          <SaveViewButton
            workspace={membership.workspace}
            role={membership.role}
            filters={filters}
            screen="board"
          />
          {canCreateContent(membership.role) && <NewContentButton slug={slug} types={types} />}
        </div>
      </div>
      <FilterBar filters={filters} onChange={setFilters} slug={slug} count={count} />
      {statuses.isError && <Alert>{genericErrorMessage(t, statuses.error)}</Alert>}
      <p className="muted board-hint">{t('board.hint')}</p>
      <div role="status" aria-live="polite" className="board-notice">
        {notice?.tone === 'info' && <p className="alert alert-info">{notice.text}</p>}
      </div>
      {notice?.tone === 'error' && (
        <div className="alert alert-error" role="alert">
          {notice.text}{' '}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {statuses.isPending && <p className="muted">{t('common.loading')}</p>}
      <div className="board" aria-label={t('board.columns')} role="list">
        {columns.map((status) => (
          <BoardColumn
            key={status.id}
            slug={slug}
            status={status}
            query={columnQuery(filters, status.id)}
            placed={placed}
            over={over === status.id}
            onDragOver={(event) => {
              if (!dragging) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              setOver(status.id);
            }}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
            }}
            onDrop={(event) => onDrop(event, status)}
            renderCard={(item) => (
              <BoardCard
                key={item.id}
                item={item}
                slug={slug}
                channels={channels}
                owner={item.owner ? (memberName.get(item.owner) ?? '') : ''}
                statuses={workflow}
                movable={mayMove(item)}
                moving={item.id in placed}
                onMove={(target) => void moveCard(item, target)}
                onDragStart={() => setDragging(item)}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(null);
                }}
              />
            )}
          />
        ))}
      </div>
    </section>
  );
}

/**
 * One status's column: its own page of the list, "More" for the next, with the cards dropped
 * on it shown at its head and those dropped elsewhere gone while their moves are on their way.
 */
function BoardColumn({
  slug,
  status,
  query,
  placed,
  over,
  onDragOver,
  onDragLeave,
  onDrop,
  renderCard,
}: {
  slug: string;
  status: Status;
  query: string;
  placed: Record<string, Placed>;
  over: boolean;
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
  renderCard: (item: ContentSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  const list = useContentList(slug, query);
  const cards = useMemo(() => {
    const loaded = list.data?.pages.flatMap((page) => page.items) ?? [];
    const arriving = Object.values(placed)
      .filter((one) => one.to.id === status.id && !loaded.some((item) => item.id === one.item.id))
      .map((one) => ({ ...one.item, status: one.to }));
    const staying = loaded.filter((item) => {
      const move = placed[item.id];
      return !move || move.to.id === status.id;
    });
    return [...arriving, ...staying];
  }, [list.data, placed, status.id]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  return (
    <section
      role="listitem"
      className={over ? 'board-column board-column-over' : 'board-column'}
      style={{ borderTopColor: status.color }}
      aria-labelledby={`column-${status.id}`}
      aria-busy={list.isFetching}
      data-testid={`column-${status.id}`}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <h2 id={`column-${status.id}`} className="board-column-title">
        <span className="status-dot" style={{ background: status.color }} aria-hidden="true" />
        {status.name}
        <span className="chip-count">
          {cards.length}
          {hasNextPage ? '+' : ''}
        </span>
      </h2>
      {list.isError && <Alert>{genericErrorMessage(t, list.error)}</Alert>}
      <ul className="board-cards">{cards.map(renderCard)}</ul>
      {list.isPending && <p className="muted board-empty">{t('common.loading')}</p>}
      {list.isSuccess && cards.length === 0 && (
        <p className="muted board-empty">{t('board.empty_column')}</p>
      )}
      {hasNextPage && (
        <button
          type="button"
          className="button button-quiet board-more"
          aria-label={t('board.more_label', { status: status.name })}
          onClick={() => void fetchNextPage()}
          disabled={isFetchingNextPage}
        >
          {isFetchingNextPage ? t('common.loading') : t('contents.load_more')}
        </button>
      )}
    </section>
  );
}

/** The list's view of a content the move answered with. */
function summaryOf(content: Content): ContentSummary {
  const {
    fields: _fields,
    content_hash: _hash,
    violations: _violations,
    merged: _merged,
    ...summary
  } = content;
  return summary;
}

function BoardCard({
  item,
  slug,
  channels,
  owner,
  statuses,
  movable,
  moving,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  item: ContentSummary;
  slug: string;
  channels: Channel[];
  owner: string;
  statuses: Status[];
  movable: boolean;
  moving: boolean;
  onMove: (status: Status) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = item.title || t('content.untitled');
  return (
    <li
      className={moving ? 'board-card board-card-moving' : 'board-card'}
      draggable={movable}
      data-testid={`card-${item.id}`}
      aria-busy={moving}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', item.id);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <div className="board-card-head">
        {item.type.name && <span className="content-type">{item.type.name}</span>}
        {movable && (
          <Popover
            label={t('board.move_to')}
            ariaLabel={t('board.move_to_label', { title })}
            title={t('board.move_to_title')}
            align="end"
          >
            {(close) => (
              <ul className="menu-list">
                {statuses.map((status) => (
                  <li key={status.id}>
                    <button
                      type="button"
                      className="menu-item"
                      disabled={status.id === item.status?.id}
                      onClick={() => {
                        close();
                        onMove(status);
                      }}
                    >
                      <span
                        className="status-dot"
                        style={{ background: status.color }}
                        aria-hidden="true"
                      />
                      {status.name}
                      {status.id === item.status?.id && ` ${t('board.current')}`}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Popover>
        )}
      </div>
      <Link
        className="board-card-title"
        draggable={false}
        to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(item.id)}`}
      >
        {title}
      </Link>
      <ChannelBadges ids={item.channels} channels={channels} />
      <div className="board-card-meta">
        {owner && <span>{t('board.owner', { name: owner })}</span>}
        {item.due_at && <span>{t('board.due', { date: formatDate(item.due_at, locale) })}</span>}
        <AttachmentCount count={item.attachments_count} />
      </div>
      <ApprovalBadges approvals={item.approvals} />
    </li>
  );
}
