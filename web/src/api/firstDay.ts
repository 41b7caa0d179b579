import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { sharingKeys, type Share, type ShareTarget } from './sharing';
import type { Invitation, Role, SetupStatus, User } from './types';
import { workspaceKeys } from './workspace';

// A newcomer's first day: the guide's steps, invitations as the invited see them, passwords
// forgotten or reset by an admin, and sharing with an e-mail new to the workspace.

const ws = (slug: string) => `/api/v1/workspaces/${encodeURIComponent(slug)}`;

/** GET /api/v1/workspaces/{ws}/first-steps: each step ticked from the workspace's data. */
export interface FirstSteps {
  people: boolean;
  workflow: boolean;
  content: boolean;
  dismissed: boolean;
  done: boolean;
}

export const firstStepsKey = (slug: string) => ['ws', slug, 'first-steps'] as const;

export function useFirstSteps(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: firstStepsKey(slug),
    queryFn: ({ signal }) => api.get<FirstSteps>(`${ws(slug)}/first-steps`, signal),
    enabled,
    // The steps tick from what happens elsewhere in the app: read again on each visit.
    staleTime: 0,
  });
}

export function useUpdateFirstSteps(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { workflow_seen?: true; dismissed?: boolean }) =>
      api.patch<FirstSteps>(`${ws(slug)}/first-steps`, input),
    onSuccess: (steps) => queryClient.setQueryData(firstStepsKey(slug), steps),
  });
}

/** GET /api/v1/invitations/{token}: what the invitation's page tells the person invited. */
export interface InvitationInfo {
  email: string;
  role: Role;
  expires_at: string;
  workspace: { name: string };
  invited_by: { name: string };
  account_exists: boolean;
}

export function useInvitationInfo(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) =>
      api.get<InvitationInfo>(`/api/v1/invitations/${encodeURIComponent(token)}`, signal),
    retry: false,
  });
}

export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete<void>(`${ws(slug)}/invitations/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(slug) }),
  });
}

/** A password link an admin makes for a member, shown once. */
export interface PasswordLink {
  url: string;
  expires_at: string;
}

export function useMemberPasswordLink(slug: string) {
  return useMutation({
    mutationFn: (userId: string) =>
      api.post<PasswordLink>(
        `${ws(slug)}/members/${encodeURIComponent(userId)}/password-reset`,
        {},
      ),
  });
}

/** Whether "forgot password" e-mails a link; asked afresh, it is the server's configuration. */
export function usePasswordResetMode() {
  return useQuery({
    queryKey: ['setup', 'password-reset'],
    queryFn: ({ signal }) => api.get<SetupStatus>('/api/v1/setup', signal),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => api.post<object>('/api/v1/auth/password-reset', { email }),
  });
}

export function usePasswordReset(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: ({ signal }) =>
      api.get<{ email: string; name: string }>(
        `/api/v1/password-resets/${encodeURIComponent(token)}`,
        signal,
      ),
    retry: false,
  });
}

export function useCompletePasswordReset(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      api.post<{ user: User; csrf_token: string }>(
        `/api/v1/password-resets/${encodeURIComponent(token)}`,
        { password },
      ),
  });
}

/** POST /api/v1/contents/{id}/email-shares */
export interface EmailShareResult {
  share: Share | null;
  invitation: Invitation | null;
  member_added: boolean;
}

export function useShareByEmail(target: ShareTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; level: 'read' | 'comment' | 'edit' }) =>
      api.post<EmailShareResult>(
        `/api/v1/contents/${encodeURIComponent(target.id)}/email-shares`,
        input,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.shares(target) }),
  });
}
