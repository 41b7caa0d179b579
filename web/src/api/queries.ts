import {
  QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client';
import type {
  LoginRequest,
  LoginResponse,
  Me,
  MeUpdate,
  SetupRequest,
  SetupResponse,
  SetupStatus,
} from './types';

// The one server-state layer: every screen reads and writes the API through these hooks.

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answer will not change by asking again; a 5xx or a lost connection might.
        retry: (failures, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: ({ signal }) => api.get<SetupStatus>('/api/v1/setup', signal),
  staleTime: Infinity,
});

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }) => {
    const me = await api.get<Me>('/api/v1/me', signal);
    setCsrfToken(me.csrf_token);
    return me;
  },
});

export function useSetupStatus() {
  return useQuery(setupQuery);
}

export function useMe() {
  return useQuery(meQuery);
}

/** Creates the first account and workspace, then loads the new session's /me. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupRequest) => api.post<SetupResponse>('/api/v1/setup', input),
    onSuccess: async (result) => {
      setCsrfToken(result.csrf_token);
      queryClient.setQueryData(setupQuery.queryKey, { needed: false });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
    onError: (error) => {
      // Someone else finished the setup meanwhile: the login page is the way in now.
      if (isApiError(error, 409)) queryClient.setQueryData(setupQuery.queryKey, { needed: false });
    },
  });
}

/** Logs in, then loads /me so the shell opens with the account's workspaces. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => api.post<LoginResponse>('/api/v1/auth/login', input),
    onSuccess: async (result) => {
      setCsrfToken(result.csrf_token);
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/api/v1/auth/logout');
      } catch (error) {
        // A session that already ended is as logged out as one ended now.
        if (!isApiError(error, 401)) throw error;
      }
    },
    onSuccess: () => setCsrfToken(null),
  });
}

/** Drops the logged-out account's data from the cache, once its screens are gone. */
export function useForgetMe() {
  const queryClient = useQueryClient();
  // Everything the account could read goes, not only /me: the next account starts clean.
  return () => queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'setup' });
}

/** Saves the account's name or language; the answer is the new /me. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: MeUpdate) => api.patch<Me>('/api/v1/me', update),
    onSuccess: (me) => {
      if (me.csrf_token) setCsrfToken(me.csrf_token);
      queryClient.setQueryData(meQuery.queryKey, me);
    },
  });
}
