import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type DragEvent } from 'react';
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
import {
  useChannels,
  useContentList,
  useMembers,
  useTeams,
  useTypes,
  workspaceKeys,
} from '../../api/workspace';
import { Alert } from '../../components/Alert';
import { Popover } from '../../components/Popover';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatDate, formatList } from '../../lib/format';
import { canCreateContent, canEditContent } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { groupByStatus, teamsOf, teamsUserMayAnswerFor } from '../../lib/workflow';
import { useShell } from '../AppShell';
import { ChannelBadges } from '../contents/ChannelBadges';
import { FilterBar, useListFilters, ViewToggle } from '../contents/FilterBar';
import { NewContentButton } from '../contents/NewContent';
import { ApprovalBadges } from './ApprovalBadges';

// The board asks for contents 200 at a time and stops after this many pages: a board of more
// cards than this is no longer read as a board, and the filters are the way to narrow it.
const pageSize = 200;
const maxPages = 5;

type Notice = { tone: 'info' | 'error'; text: string } | null;

/** /w/:slug/board: one column per status; a card moves by drag and drop or by "Move to…". */
export function BoardScreen() {
  const { t } = useTranslation();
  const { me, membership } = useShell();
  const slug = membership.workspace.slug;
  const { filters, apiQuery, count, search, setFilters } = useListFilters();
  useDocumentTitle(t('board.title'));

  const query = `${apiQuery}&limit=${pageSize}`;
  const list = useContentList(slug, query);
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
  const [placed, setPlaced] = useState<Record<string, string>>({});
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const pages = list.data?.pages.length ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && pages < maxPages) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, pages, fetchNextPage]);

  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const workflow = statuses.data ?? [];
  const columns = useMemo(() => {
    const shown = items.map((item) => {
      const target = placed[item.id];
      const status = target ? workflow.find((s) => s.id === target) : undefined;
      return status ? { ...item, status } : item;
    });
    return groupByStatus(shown, workflow);
  }, [items, placed, workflow]);

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
    setPlaced((now) => ({ ...now, [item.id]: target.id }));
    try {
      const content = await move.mutateAsync({ id: item.id, status: target.id });
      // The card keeps its new place until the lists come back from the server.
      queryClient.setQueryData<InfiniteData<ContentPage>>(
        workspaceKeys.contents(slug, query),
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((one) => (one.id === content.id ? summaryOf(content) : one)),
            })),
          },
      );
      const advisory = (content as Content & { missing_approvals?: string[] }).missing_approvals;
      setNotice({
        tone: 'info',
        text:
          advisory && advisory.length > 0
            ? t('board.moved_without', { title, status: target.name, teams: teamNames(advisory) })
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
    if (isApiError(error) && error.status >= 400 && error.status < 500) {
      return t('board.failed', { title, reason: error.problem.detail ?? error.problem.title });
    }
    return t('board.failed', { title, reason: genericErrorMessage(t, error) });
  };

  const onDrop = (event: DragEvent, status: Status) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain') || dragging;
    setDragging(null);
    const item = items.find((one) => one.id === id);
    if (item) void moveCard(item, status);
  };

  const error = list.error ?? statuses.error;
  return (
    <section className="page page-wide board-page">
      <div className="page-header">
        <h1>{t('board.title')}</h1>
        <ViewToggle slug={slug} search={search} />
        {canCreateContent(membership.role) && <NewContentButton slug={slug} types={types} />}
      </div>
      <FilterBar filters={filters} onChange={setFilters} slug={slug} count={count} />
      {error && <Alert>{genericErrorMessage(t, error)}</Alert>}
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
      {(list.isPending || statuses.isPending) && <p className="muted">{t('common.loading')}</p>}
      {hasNextPage && pages >= maxPages && (
        <Alert tone="info">{t('board.truncated', { count: items.length })}</Alert>
      )}
      <div className="board" aria-label={t('board.columns')} role="list">
        {columns.map(({ status, items: cards }) => (
          <section
            key={status.id}
            role="listitem"
            className={over === status.id ? 'board-column board-column-over' : 'board-column'}
            style={{ borderTopColor: status.color }}
            aria-labelledby={`column-${status.id}`}
            data-testid={`column-${status.id}`}
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
          >
            <h2 id={`column-${status.id}`} className="board-column-title">
              <span
                className="status-dot"
                style={{ background: status.color }}
                aria-hidden="true"
              />
              {status.name}
              <span className="chip-count">{cards.length}</span>
            </h2>
            <ul className="board-cards">
              {cards.map((item) => (
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
                  onDragStart={() => setDragging(item.id)}
                  onDragEnd={() => {
                    setDragging(null);
                    setOver(null);
                  }}
                />
              ))}
            </ul>
            {cards.length === 0 && <p className="muted board-empty">{t('board.empty_column')}</p>}
          </section>
        ))}
      </div>
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
      </div>
      <ApprovalBadges approvals={item.approvals} />
    </li>
  );
}
