import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListOf, Workspace } from './types';

// Server state of one workspace and its contents. Keys start with the workspace's slug, so
// switching workspaces never shows another one's data. The queries and writes of each resource
// (members, channels, contents…) live in their own file beside this one.

/** The path of a workspace in the API. */
export const workspacePath = (slug: string) => `/api/v1/workspaces/${encodeURIComponent(slug)}`;

export const workspaceKeys = {
  all: (slug: string) => ['ws', slug] as const,
  members: (slug: string) => ['ws', slug, 'members'] as const,
  invitations: (slug: string) => ['ws', slug, 'invitations'] as const,
  teams: (slug: string) => ['ws', slug, 'teams'] as const,
  channels: (slug: string) => ['ws', slug, 'channels'] as const,
  types: (slug: string) => ['ws', slug, 'types'] as const,
  projects: (slug: string) => ['ws', slug, 'projects'] as const,
  tags: (slug: string, prefix: string) => ['ws', slug, 'tags', prefix] as const,
  contents: (slug: string, query: string) => ['ws', slug, 'contents', query] as const,
};

/** A query function reading the `items` of one list answer. */
export const listItems =
  <T>(path: string) =>
  async ({ signal }: { signal: AbortSignal }) =>
    (await api.get<ListOf<T>>(path, signal)).items;

/**
 * A workspace write, then a refetch of what it changed. `keys` says which lists to refresh.
 */
export function useWorkspaceMutation<TInput, TResult>(
  slug: string,
  send: (input: TInput) => Promise<TResult>,
  keys: (keyof typeof workspaceKeys)[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all(
        keys.map((key) => queryClient.invalidateQueries({ queryKey: ['ws', slug, key] })),
      );
    },
  });
}

export function useWorkspaceSettings(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      name?: string;
      language?: string;
      page_name?: string | null;
      page_avatar?: string | null;
    }) => api.patch<Workspace>(workspacePath(slug), input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['me'] }),
        queryClient.invalidateQueries({ queryKey: ['ws', slug, 'settings'] }),
      ]),
  });
}
