import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { contentPath } from './contents';
import type { PublishedContent, PublishedSummary } from './publications';
import { planChannel } from './publications';
import { workspacePath } from './workspace';

// The calendar (PLAN_API §3): one GET per visible range with the list's filters, and the tray of
// contents that have no date yet.

/** One (content, channel) on the calendar, at its effective date. */
export interface CalendarEntry {
  content: PublishedSummary;
  /** The channel, or null for a content without channels (one entry at its `publish_at`). */
  channel: string | null;
  at: string;
  /** The channel has its own date: a move changes that date, not the content's. */
  own_date: boolean;
  published_at: string | null;
  url: string | null;
  late: boolean;
}

export interface CalendarAnswer {
  from: string;
  to: string;
  entries: CalendarEntry[];
  /** The range held more entries than one answer gives: narrow it with the filters. */
  truncated?: boolean;
}

export interface UnscheduledPage {
  items: PublishedSummary[];
  next_cursor: string | null;
}

export const calendarKeys = {
  all: (slug: string) => ['ws', slug, 'calendar'] as const,
  range: (slug: string, from: string, to: string, filters: string) =>
    ['ws', slug, 'calendar', from, to, filters] as const,
  unscheduled: (slug: string, filters: string) =>
    ['ws', slug, 'calendar', 'unscheduled', filters] as const,
};

/** The query of the calendar's range with `filters` (the list's filter params). */
export function calendarPath(slug: string, from: string, to: string, filters: string): string {
  const params = new URLSearchParams(filters);
  params.set('from', from);
  params.set('to', to);
  return `${workspacePath(slug)}/calendar?${params.toString()}`;
}

/** The query of the entries in [from, to) with the list's filters. */
export const calendarQuery = (slug: string, from: string, to: string, filters: string) =>
  queryOptions({
    queryKey: calendarKeys.range(slug, from, to, filters),
    queryFn: ({ signal }) => api.get<CalendarAnswer>(calendarPath(slug, from, to, filters), signal),
  });

/** The entries of the range shown; the previous range stays on screen while the next comes. */
export function useCalendar(slug: string, from: string, to: string, filters: string) {
  return useQuery({ ...calendarQuery(slug, from, to, filters), placeholderData: keepPreviousData });
}

/** The tray: contents with no date at all, page after page. */
export function useUnscheduled(slug: string, filters: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: calendarKeys.unscheduled(slug, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(filters);
      params.set('limit', '20');
      if (pageParam) params.set('cursor', pageParam);
      return api.get<UnscheduledPage>(
        `${workspacePath(slug)}/calendar/unscheduled?${params.toString()}`,
        signal,
      );
    },
    getNextPageParam: (last) => last.next_cursor,
    enabled,
  });
}

/** What a move of an entry to another time asks of the server. */
export interface Reschedule {
  content: string;
  /** The channel whose own date moves; null moves the content's `publish_at`. */
  channel: string | null;
  at: string;
  version: number;
}

/**
 * Moves an entry: the channel's own date (PUT …/publications/{channel}) when it has one, else
 * the content's date (PATCH, based on the version the calendar showed: a date changed since
 * answers 409).
 */
export function reschedule(move: Reschedule): Promise<PublishedContent> {
  if (move.channel !== null) return planChannel(move.content, move.channel, move.at, move.version);
  return api.patch<PublishedContent>(contentPath(move.content), {
    publish_at: move.at,
    base_version: move.version,
  });
}

/** The content as it is now, to try a refused move again on its current version. */
export const freshContent = (id: string) => api.get<PublishedContent>(contentPath(id));
