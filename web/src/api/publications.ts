import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { contentKeys, contentPath } from './contents';
import type { Content, ContentSummary } from './types';

// A content's publication per channel (PLAN_API §1): each channel follows the content's date or
// has its own, and is marked published with the time and the URL where it appeared. Every write
// answers with the content as it is now; it replaces the content's cache entry, and the lists and
// calendars that show it are asked again.

/** The content's state of publication, over all its channels. */
export const publicationStates = ['unscheduled', 'planned', 'late', 'published'] as const;
export type PublicationState = (typeof publicationStates)[number];

/** One channel's publication. */
export interface Publication {
  channel: string;
  /** The channel's own date; null when it follows the content's `publish_at`. */
  planned_at: string | null;
  /** When it goes out: `planned_at` or else the content's date (null when neither is set). */
  at: string | null;
  published_at: string | null;
  url: string | null;
  published_by: { id: string; name: string } | null;
  late: boolean;
}

/** What the content JSON carries about its publication (servers before issue 16 send neither). */
export interface PublicationFacts {
  publications?: Publication[];
  publication?: PublicationState;
}

export type PublishedContent = Content & PublicationFacts;
export type PublishedSummary = ContentSummary & PublicationFacts;

const publicationPath = (id: string, channel: string) =>
  `${contentPath(id)}/publications/${encodeURIComponent(channel)}`;

/** PUT …/publications/{channel}: the channel's own date, or null to follow the content's. */
export const planChannel = (
  id: string,
  channel: string,
  plannedAt: string | null,
  version: number,
) => api.put<PublishedContent>(publicationPath(id, channel), { planned_at: plannedAt, version });

/** POST …/published: gone out at `publishedAt` (the server's now when absent), at `url`. */
export const markPublished = (
  id: string,
  channel: string,
  input: { published_at?: string; url?: string },
) => api.post<PublishedContent>(`${publicationPath(id, channel)}/published`, input);

/** DELETE …/published: a mark made by mistake. */
export const unmarkPublished = (id: string, channel: string) =>
  api.delete<PublishedContent>(`${publicationPath(id, channel)}/published`);

/** After a change of dates or marks: the content's page, its activity, lists and calendars. */
export async function adoptPublished(queryClient: QueryClient, content: Content) {
  queryClient.setQueryData(contentKeys.one(content.id), content);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['content', content.id, 'activity'] }),
    queryClient.invalidateQueries({
      queryKey: ['ws'],
      predicate: (q) => q.queryKey[2] === 'contents' || q.queryKey[2] === 'calendar',
    }),
  ]);
}

export type PublicationChange =
  | { kind: 'plan'; channel: string; planned_at: string | null; version: number }
  | { kind: 'mark'; channel: string; published_at?: string; url?: string }
  | { kind: 'unmark'; channel: string };

/** The publication panel's writes, one at a time. */
export function usePublicationChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PublicationChange) => {
      switch (change.kind) {
        case 'plan':
          return planChannel(id, change.channel, change.planned_at, change.version);
        case 'mark': {
          const body: { published_at?: string; url?: string } = {};
          if (change.published_at) body.published_at = change.published_at;
          if (change.url) body.url = change.url;
          return markPublished(id, change.channel, body);
        }
        case 'unmark':
          return unmarkPublished(id, change.channel);
      }
    },
    onSuccess: (content) => adoptPublished(queryClient, content),
  });
}
