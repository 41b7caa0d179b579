import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from './client';
import type {
  ActivityEvent,
  Approval,
  ApprovalList,
  Content,
  Decision,
  ListOf,
  Workflow,
  WorkflowInput,
} from './types';
import { contentKeys } from './contents';

// The workflow of a workspace and of each content: statuses, moves, approvals, locks, activity.
// Every write answers with the content as it is now; it goes straight into the content's cache
// entry, so the page, its status control and its approvals panel all show the same state.

const ws = (slug: string) => `/api/v1/workspaces/${encodeURIComponent(slug)}`;
const contentPath = (id: string) => `/api/v1/contents/${encodeURIComponent(id)}`;

export const workflowKeys = {
  workflow: (slug: string) => ['ws', slug, 'workflow'] as const,
  activity: (id: string) => ['content', id, 'activity'] as const,
  workspaceActivity: (slug: string, query: string) => ['ws', slug, 'activity', query] as const,
};

/** The workspace's statuses, in order: the board's columns, the status filter, search's labels. */
export function useWorkflow(slug: string, enabled = true) {
  return useQuery({
    queryKey: workflowKeys.workflow(slug),
    queryFn: ({ signal }) => api.get<Workflow>(`${ws(slug)}/workflow`, signal),
    select: (workflow) => workflow.statuses,
    enabled,
  });
}

export function useSaveWorkflow(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkflowInput) => api.put<Workflow>(`${ws(slug)}/workflow`, input),
    onSuccess: async (workflow) => {
      queryClient.setQueryData(workflowKeys.workflow(slug), workflow);
      // Deleted statuses moved contents elsewhere; cards and pages show the new names.
      await refreshContents(queryClient);
      await queryClient.invalidateQueries({ queryKey: ['content'] });
    },
  });
}

/** Every contents list of every workspace in the cache (the list and the board). */
function refreshContents(queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    queryKey: ['ws'],
    predicate: (q) => q.queryKey[2] === 'contents',
  });
}

/** After a workflow write: the answer is the content now; its history and lists follow. */
async function adoptContent(queryClient: QueryClient, content: Content) {
  queryClient.setQueryData(contentKeys.one(content.id), content);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workflowKeys.activity(content.id) }),
    refreshContents(queryClient),
  ]);
}

export interface MoveInput {
  id: string;
  status: string;
  comment?: string;
}

/** POST …/status: 409 (a blocking gate, with `missing_approvals`) leaves the content where it was. */
export function useMoveContent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveInput) =>
      api.post<Content>(`${contentPath(id)}/status`, body),
    onSuccess: (content) => adoptContent(queryClient, content),
  });
}

export function useDecide(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { revision: number; decision: Decision; comment: string; team?: string }) =>
      api.post<Approval>(`${contentPath(id)}/approvals`, input),
    onSuccess: async () => {
      const content = await api.get<Content>(contentPath(id));
      await adoptContent(queryClient, content);
    },
  });
}

export function useLock(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | null) =>
      reason === null
        ? api.delete<Content>(`${contentPath(id)}/lock`)
        : api.post<Content>(`${contentPath(id)}/lock`, { reason }),
    onSuccess: (content) => adoptContent(queryClient, content),
  });
}

/**
 * Every decision on the content, team members' and review link visitors', for the revision its
 * text is at: a change of text (`contentHash`) reads them again, to tell which turned stale.
 */
export function useApprovals(id: string, contentHash: string) {
  return useQuery({
    queryKey: [...contentKeys.one(id), 'approvals', contentHash],
    queryFn: ({ signal }) => api.get<ApprovalList>(`${contentPath(id)}/approvals`, signal),
    refetchInterval: 30_000,
  });
}

/** The content's activity, newest first. */
export function useContentActivity(id: string) {
  return useQuery({
    queryKey: workflowKeys.activity(id),
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<ActivityEvent>>(`${contentPath(id)}/activity?limit=200`, signal)).items,
  });
}

/** GET /workspaces/{ws}/activity: one page of events, and the `before` of the next one. */
export interface ActivityPage {
  items: ActivityEvent[];
  next_before: number | null;
}

/** The workspace's activity for one API query (its filters), newest first, page after page. */
export function useWorkspaceActivity(slug: string, query: string) {
  return useInfiniteQuery({
    queryKey: workflowKeys.workspaceActivity(slug, query),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam !== null) params.set('before', String(pageParam));
      params.set('limit', '50');
      return api.get<ActivityPage>(`${ws(slug)}/activity?${params.toString()}`, signal);
    },
    getNextPageParam: (last) => last.next_before,
    placeholderData: keepPreviousData,
  });
}

/** Every event the filters keep (up to the API's 10,000), for the spreadsheet export. */
export function fetchWorkspaceActivity(slug: string, query: string): Promise<ActivityPage> {
  const params = new URLSearchParams(query);
  params.set('limit', '10000');
  return api.get<ActivityPage>(`${ws(slug)}/activity?${params.toString()}`);
}

/** The same events as the server's machine CSV (ids, kinds, UTC times, JSON details). */
export function workspaceActivityCsvUrl(slug: string, query: string): string {
  const params = new URLSearchParams(query);
  params.set('format', 'csv');
  return `${ws(slug)}/activity?${params.toString()}`;
}
