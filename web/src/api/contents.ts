import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client';
import type { Content, ContentPage, TagCount } from './types';
import { listItems, useWorkspaceMutation, workspaceKeys, workspacePath } from './workspace';

// Contents: the list (page after page), one content, its tags, and what can be done to it.

export const contentPath = (id: string) => `/api/v1/contents/${encodeURIComponent(id)}`;

export const contentKeys = {
  one: (id: string) => ['content', id] as const,
  revisions: (id: string) => ['content', id, 'revisions'] as const,
  revision: (id: string, n: number) => ['content', id, 'revision', n] as const,
  diff: (id: string, from: number, to: number) => ['content', id, 'diff', from, to] as const,
};

export function useTags(slug: string, prefix: string, enabled = true) {
  return useQuery({
    queryKey: workspaceKeys.tags(slug, prefix),
    queryFn: listItems<TagCount>(
      `${workspacePath(slug)}/tags?prefix=${encodeURIComponent(prefix)}`,
    ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The contents list, page after page, for one query string (the URL's filters). */
export function useContentList(slug: string, query: string) {
  return useInfiniteQuery({
    queryKey: workspaceKeys.contents(slug, query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      if (!params.has('limit')) params.set('limit', '50');
      return api.get<ContentPage>(`${workspacePath(slug)}/contents?${params.toString()}`, signal);
    },
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
}

export interface NewContent {
  type: string;
  title: string;
  language?: string;
  channels?: string[];
  project?: string | null;
  fields?: Record<string, string>;
  publish_at?: string;
}

export const useCreateContent = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (input: NewContent) => api.post<Content>(`${workspacePath(slug)}/contents`, input),
    ['contents', 'tags'],
  );

export const contentQuery = (id: string) =>
  queryOptions({
    queryKey: contentKeys.one(id),
    queryFn: ({ signal }) => api.get<Content>(contentPath(id), signal),
  });

export const patchContent = (id: string, body: Record<string, unknown>) =>
  api.patch<Content>(contentPath(id), body);

export function useContentAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'archive' | 'unarchive' | 'purge') =>
      action === 'archive'
        ? api.delete<Content | undefined>(contentPath(id))
        : api.post<Content | undefined>(`${contentPath(id)}/${action}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['content', id] });
      await queryClient.invalidateQueries({
        queryKey: ['ws'],
        predicate: (q) => q.queryKey[2] === 'contents',
      });
    },
  });
}
