import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ApiToken, Session } from './types';
import { listItems } from './workspace';

// The signed-in person's account: where they are logged in, their API tokens, their password.

export function useSessions() {
  return useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: listItems<Session>('/api/v1/me/sessions'),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: ['me', 'tokens'],
    queryFn: listItems<ApiToken>('/api/v1/me/tokens'),
  });
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
