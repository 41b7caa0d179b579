import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { contentKeys, contentPath } from './contents';
import type { Content, ContentDiff, Revision, RevisionDetail } from './types';
import { listItems } from './workspace';

// A content's history: its revisions, one of them, the diff of two, labels and restores.

export function useRevisions(id: string) {
  return useQuery({
    queryKey: contentKeys.revisions(id),
    queryFn: listItems<Revision>(`${contentPath(id)}/revisions`),
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
