import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { listItems } from './workspace';

// Calendar subscriptions (iCal feeds): the person's own, listed without their secrets.

export type FeedKind = 'my_work' | 'view' | 'project';

export interface CalendarFeed {
  id: string;
  kind: FeedKind;
  label: string;
  workspace: { id: string; slug: string; name: string };
  view: string | null;
  project: string | null;
  created_at: string;
  last_used_at: string | null;
}

/** A new feed: its URL carries the secret and is shown this once. */
export interface CreatedFeed {
  feed: CalendarFeed;
  url: string;
}

export interface FeedTarget {
  workspace: string;
  kind: FeedKind;
  view?: string;
  project?: string;
}

const feedsKey = ['me', 'feeds'] as const;

export function useFeeds() {
  return useQuery({ queryKey: feedsKey, queryFn: listItems<CalendarFeed>('/api/v1/me/feeds') });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: FeedTarget) => api.post<CreatedFeed>('/api/v1/me/feeds', target),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/me/feeds/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}

/** The same feed for apps that open webcal:// links (Apple Calendar, Outlook, Thunderbird). */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
