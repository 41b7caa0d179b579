import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Invitation, InviteResult, Member, Role, Team } from './types';
import { listItems, useWorkspaceMutation, workspaceKeys, workspacePath } from './workspace';

// Who is in a workspace: its members, their pending invitations, and its teams.

export const membersQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.members(slug),
    queryFn: listItems<Member>(`${workspacePath(slug)}/members`),
  });
// Guests may not read members, teams or projects: their screens pass `enabled` false.
export const useMembers = (slug: string, enabled = true) =>
  useQuery({ ...membersQuery(slug), enabled });
export function useInvitations(slug: string) {
  return useQuery({
    queryKey: workspaceKeys.invitations(slug),
    queryFn: listItems<Invitation>(`${workspacePath(slug)}/invitations`),
  });
}

export function useTeams(slug: string, enabled = true) {
  return useQuery({
    queryKey: workspaceKeys.teams(slug),
    queryFn: listItems<Team>(`${workspacePath(slug)}/teams`),
    enabled,
  });
}

export const useInvite = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (input: { email: string; role: Role }) =>
      api.post<InviteResult>(`${workspacePath(slug)}/members`, input),
    ['members', 'invitations'],
  );
export const useChangeRole = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ user_id, role }: { user_id: string; role: Role }) =>
      api.patch<Member>(`${workspacePath(slug)}/members/${encodeURIComponent(user_id)}`, { role }),
    ['members'],
  );
export const useRemoveMember = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (userId: string) =>
      api.delete<void>(`${workspacePath(slug)}/members/${encodeURIComponent(userId)}`),
    ['members', 'teams'],
  );

export const useSaveTeam = (slug: string) =>
  useWorkspaceMutation(
    slug,
    async (input: { id?: string; name: string; members: string[] }) => {
      if (!input.id) return api.post<Team>(`${workspacePath(slug)}/teams`, input);
      const path = `${workspacePath(slug)}/teams/${encodeURIComponent(input.id)}`;
      await api.patch<Team>(path, { name: input.name });
      return api.put<Team>(`${path}/members`, input.members);
    },
    ['teams'],
  );
export const useDeleteTeam = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (id: string) => api.delete<void>(`${workspacePath(slug)}/teams/${encodeURIComponent(id)}`),
    ['teams'],
  );
