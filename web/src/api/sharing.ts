import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListOf, Role } from './types';
import type { LinkLevel, ShareLevel } from '../lib/sharing';

// Shares with members and teams, and review links for people without an account (issue 8).
// A content's shares and links live under its key; a project's under the workspace's.

/** What is shared: one content, or a project and every content in it. */
export type ShareTarget = { kind: 'content' | 'project'; id: string };

export interface Share {
  id: string;
  level: ShareLevel;
  content_id: string | null;
  /** Set on a content's list for the shares it has through its project. */
  project_id: string | null;
  user: { id: string; name: string; email: string; role: Role } | null;
  team: { id: string; name: string } | null;
  created_by: { id: string; name: string } | null;
  created_at: string;
}

export interface ReviewLink {
  id: string;
  level: LinkLevel;
  label: string;
  has_password: boolean;
  expires_at: string;
  content: { id: string; title: string } | null;
  project: { id: string; name: string } | null;
  created_by: { id: string; name: string } | null;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

/** A link just made: its address is shown this once. */
export interface CreatedLink extends ReviewLink {
  secret: string;
  url: string;
}

export interface NewLink {
  level: LinkLevel;
  expires_at?: string;
  password?: string;
  label?: string;
}

const targetPath = ({ kind, id }: ShareTarget) =>
  `/api/v1/${kind === 'content' ? 'contents' : 'projects'}/${encodeURIComponent(id)}`;

export const sharingKeys = {
  shares: (target: ShareTarget) => [...targetKey(target), 'shares'] as const,
  links: (target: ShareTarget) => [...targetKey(target), 'links'] as const,
  workspaceLinks: (slug: string) => ['ws', slug, 'links'] as const,
};

function targetKey(target: ShareTarget) {
  return target.kind === 'content'
    ? (['content', target.id] as const)
    : (['project', target.id] as const);
}

export const sharesQuery = (target: ShareTarget) =>
  queryOptions({
    queryKey: sharingKeys.shares(target),
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Share>>(`${targetPath(target)}/shares`, signal)).items,
  });

export const useShares = (target: ShareTarget, enabled = true) =>
  useQuery({ ...sharesQuery(target), enabled });

export function useLinks(target: ShareTarget, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.links(target),
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<ReviewLink>>(`${targetPath(target)}/links`, signal)).items,
    enabled,
  });
}

/** Every live link of the workspace (admins only). */
export function useWorkspaceLinks(slug: string) {
  return useQuery({
    queryKey: sharingKeys.workspaceLinks(slug),
    queryFn: async ({ signal }) =>
      (
        await api.get<ListOf<ReviewLink>>(
          `/api/v1/workspaces/${encodeURIComponent(slug)}/links`,
          signal,
        )
      ).items,
  });
}

/** Shares with a member or a team, or changes the level of their share. */
export function useShare(target: ShareTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { user_id: string; level: ShareLevel } | { team_id: string; level: ShareLevel },
    ) => api.post<Share>(`${targetPath(target)}/shares`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.shares(target) }),
  });
}

export function useUnshare(target: ShareTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shareId: string) =>
      api.delete<void>(`/api/v1/shares/${encodeURIComponent(shareId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.shares(target) }),
  });
}

export function useCreateLink(target: ShareTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLink) => api.post<CreatedLink>(`${targetPath(target)}/links`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.links(target) }),
  });
}

/** Closes a link at once; every list of links that may show it is read again. */
export function useRevokeLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api.delete<void>(`/api/v1/links/${encodeURIComponent(linkId)}`),
    onSettled: () =>
      queryClient.invalidateQueries({
        predicate: (query) => query.queryKey.includes('links'),
      }),
  });
}
