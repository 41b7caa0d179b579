import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client';
import type {
  ApiToken,
  Channel,
  Content,
  ContentDiff,
  ContentPage,
  ContentType,
  FieldDef,
  Invitation,
  InviteResult,
  ListOf,
  Member,
  Project,
  Revision,
  RevisionDetail,
  Role,
  Session,
  TagCount,
  Team,
  Workspace,
} from './types';

// Server state of one workspace and its contents. Keys start with the workspace's slug, so
// switching workspaces never shows another one's data.

const ws = (slug: string) => `/api/v1/workspaces/${encodeURIComponent(slug)}`;
const contentPath = (id: string) => `/api/v1/contents/${encodeURIComponent(id)}`;

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

export const contentKeys = {
  one: (id: string) => ['content', id] as const,
  revisions: (id: string) => ['content', id, 'revisions'] as const,
  revision: (id: string, n: number) => ['content', id, 'revision', n] as const,
  diff: (id: string, from: number, to: number) => ['content', id, 'diff', from, to] as const,
};

const list =
  <T>(path: string) =>
  async ({ signal }: { signal: AbortSignal }) =>
    (await api.get<ListOf<T>>(path, signal)).items;

export const membersQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.members(slug),
    queryFn: list<Member>(`${ws(slug)}/members`),
  });
export const channelsQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.channels(slug),
    queryFn: list<Channel>(`${ws(slug)}/channels`),
  });
export const typesQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.types(slug),
    queryFn: list<ContentType>(`${ws(slug)}/types`),
  });
export const projectsQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.projects(slug),
    queryFn: list<Project>(`${ws(slug)}/projects?archived=true`),
  });

// Guests may not read members, teams or projects: their screens pass `enabled` false.
export const useMembers = (slug: string, enabled = true) =>
  useQuery({ ...membersQuery(slug), enabled });
export const useChannels = (slug: string) => useQuery(channelsQuery(slug));
export const useTypes = (slug: string) => useQuery(typesQuery(slug));
export const useProjects = (slug: string, enabled = true) =>
  useQuery({ ...projectsQuery(slug), enabled });

export function useInvitations(slug: string) {
  return useQuery({
    queryKey: workspaceKeys.invitations(slug),
    queryFn: list<Invitation>(`${ws(slug)}/invitations`),
  });
}

export function useTeams(slug: string, enabled = true) {
  return useQuery({
    queryKey: workspaceKeys.teams(slug),
    queryFn: list<Team>(`${ws(slug)}/teams`),
    enabled,
  });
}

export function useTags(slug: string, prefix: string, enabled = true) {
  return useQuery({
    queryKey: workspaceKeys.tags(slug, prefix),
    queryFn: list<TagCount>(`${ws(slug)}/tags?prefix=${encodeURIComponent(prefix)}`),
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
      return api.get<ContentPage>(`${ws(slug)}/contents?${params.toString()}`, signal);
    },
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
}

/**
 * A workspace write, then a refetch of what it changed. `keys` says which lists to refresh.
 */
function useWorkspaceMutation<TInput, TResult>(
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
    mutationFn: (input: { name?: string; language?: string }) =>
      api.patch<Workspace>(ws(slug), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

export const useInvite = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (input: { email: string; role: Role }) => api.post<InviteResult>(`${ws(slug)}/members`, input),
    ['members', 'invitations'],
  );
export const useChangeRole = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ user_id, role }: { user_id: string; role: Role }) =>
      api.patch<Member>(`${ws(slug)}/members/${encodeURIComponent(user_id)}`, { role }),
    ['members'],
  );
export const useRemoveMember = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (userId: string) => api.delete<void>(`${ws(slug)}/members/${encodeURIComponent(userId)}`),
    ['members', 'teams'],
  );

export const useSaveTeam = (slug: string) =>
  useWorkspaceMutation(
    slug,
    async (input: { id?: string; name: string; members: string[] }) => {
      if (!input.id) return api.post<Team>(`${ws(slug)}/teams`, input);
      const path = `${ws(slug)}/teams/${encodeURIComponent(input.id)}`;
      await api.patch<Team>(path, { name: input.name });
      return api.put<Team>(`${path}/members`, input.members);
    },
    ['teams'],
  );
export const useDeleteTeam = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (id: string) => api.delete<void>(`${ws(slug)}/teams/${encodeURIComponent(id)}`),
    ['teams'],
  );

export interface ChannelInput {
  name: string;
  color: string;
  parent: string | null;
  char_limit: number | null;
  position?: number;
}
export const useSaveChannel = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, ...input }: ChannelInput & { id?: string }) =>
      id
        ? api.patch<Channel>(`${ws(slug)}/channels/${encodeURIComponent(id)}`, input)
        : api.post<Channel>(`${ws(slug)}/channels`, input),
    ['channels'],
  );
export const useDeleteChannel = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, moveTo }: { id: string; moveTo?: string }) =>
      api.delete<void>(
        `${ws(slug)}/channels/${encodeURIComponent(id)}` +
          (moveTo ? `?move_to=${encodeURIComponent(moveTo)}` : ''),
      ),
    ['channels', 'contents'],
  );

export const useSaveType = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, key, name, fields }: { id?: string; key: string; name: string; fields: FieldDef[] }) =>
      id
        ? api.patch<ContentType>(`${ws(slug)}/types/${encodeURIComponent(id)}`, { name, fields })
        : api.post<ContentType>(`${ws(slug)}/types`, { key, name, fields }),
    ['types'],
  );
export const useDeleteType = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (id: string) => api.delete<void>(`${ws(slug)}/types/${encodeURIComponent(id)}`),
    ['types'],
  );

export const useSaveProject = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, ...input }: { id?: string; name?: string; description?: string; archived?: boolean }) =>
      id
        ? api.patch<Project>(`${ws(slug)}/projects/${encodeURIComponent(id)}`, input)
        : api.post<Project>(`${ws(slug)}/projects`, input),
    ['projects'],
  );

// ---- contents ------------------------------------------------------------------------------

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
    (input: NewContent) => api.post<Content>(`${ws(slug)}/contents`, input),
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

export function useRevisions(id: string) {
  return useQuery({
    queryKey: contentKeys.revisions(id),
    queryFn: list<Revision>(`${contentPath(id)}/revisions`),
  });
}

export function useRevision(id: string, n: number | null) {
  return useQuery({
    queryKey: contentKeys.revision(id, n ?? 0),
    queryFn: ({ signal }) => api.get<RevisionDetail>(`${contentPath(id)}/revisions/${n}`, signal),
    enabled: n !== null,
    staleTime: 5_000,
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: contentKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) =>
      api.get<ContentDiff>(`${contentPath(id)}/diff?from=${from}&to=${to}`, signal),
    enabled: from !== null && to !== null && from !== to,
    staleTime: 5_000,
  });
}

export function useLabelRevision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ n, label }: { n: number; label: string }) =>
      api.put<Revision>(`${contentPath(id)}/revisions/${n}/label`, { label }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contentKeys.revisions(id) }),
  });
}

export function useRestore(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) => api.post<Content>(`${contentPath(id)}/restore`, { revision }),
    onSuccess: async (content) => {
      queryClient.setQueryData(contentKeys.one(id), content);
      await queryClient.invalidateQueries({ queryKey: contentKeys.revisions(id) });
    },
  });
}

// ---- account -------------------------------------------------------------------------------

export function useSessions() {
  return useQuery({ queryKey: ['me', 'sessions'], queryFn: list<Session>('/api/v1/me/sessions') });
}

export function useTokens() {
  return useQuery({ queryKey: ['me', 'tokens'], queryFn: list<ApiToken>('/api/v1/me/tokens') });
}

function useAccountMutation<TInput, TResult>(
  send: (input: TInput) => Promise<TResult>,
  keys: readonly ('sessions' | 'tokens')[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all(
        keys.map((key) => queryClient.invalidateQueries({ queryKey: ['me', key] })),
      );
    },
  });
}

/** Changes the password; the server ends the other sessions and revokes every API token. */
export const useChangePassword = () =>
  useAccountMutation(
    (input: { current_password: string; new_password: string }) =>
      api.put<void>('/api/v1/me/password', input),
    ['sessions', 'tokens'],
  );
export const useRevokeSession = () =>
  useAccountMutation(
    (id: string) => api.delete<void>(`/api/v1/me/sessions/${encodeURIComponent(id)}`),
    ['sessions'],
  );
export const useCreateToken = () =>
  useAccountMutation(
    (name: string) => api.post<ApiToken>('/api/v1/me/tokens', { name }),
    ['tokens'],
  );
export const useRevokeToken = () =>
  useAccountMutation(
    (id: string) => api.delete<void>(`/api/v1/me/tokens/${encodeURIComponent(id)}`),
    ['tokens'],
  );
