import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { FilterScreen, ViewQuery } from '../lib/filters';
import { api, request } from './client';
import type { Language, ListOf, Workspace } from './types';

// Search, similar contents and saved views (the statuses that label results: api/workflow.ts).
// Keys start with the workspace's slug, like the rest of the workspace's server state.

/** One content found. `type` and `status` are ids; `snippet` is escaped text with <mark>. */
export interface SearchHit {
  id: string;
  title: string;
  snippet?: string;
  type: string;
  status: string | null;
  channels: string[];
  language: Language;
  updated_at: string;
  /** Relevance, 0–100. */
  score: number;
}

export const facetNames = ['type', 'status', 'channel', 'tag', 'owner', 'language'] as const;
export type FacetName = (typeof facetNames)[number];

/** GET /workspaces/{ws}/search */
export interface SearchResults {
  total: number;
  /** The total is an estimate (many matches): shown as "about". */
  total_estimated?: boolean;
  items: SearchHit[];
  /** Facet → value (an id, a tag, a language) → how many contents found have it. */
  facets: Record<FacetName, Record<string, number>>;
  /** The facet counts are estimates, scaled from the first matches counted. */
  facets_estimated?: boolean;
  /** The query the results are for, when the server corrected the spelling of the one asked. */
  corrected_query?: string;
}

/** A saved view: filters, words and sort, for its author or the whole workspace. */
export interface SavedView extends ViewQuery {
  id: string;
  name: string;
  shared: boolean;
  author_id: string;
  /** The screen it opens on, for everyone who sees it; null: where its filters say. */
  screen: FilterScreen | null;
  created_at: string;
  updated_at: string;
}

export interface ViewInput extends Partial<ViewQuery> {
  name?: string;
  shared?: boolean;
}

/** A workspace as these hooks need it: its slug for the cache, its id for the server. */
export type WorkspaceRef = Pick<Workspace, 'id' | 'slug'>;

// Search and views accept the workspace's id or its slug, like every workspace route; these hooks
// send the id.
const ws = (workspace: WorkspaceRef) => `/api/v1/workspaces/${encodeURIComponent(workspace.id)}`;

export const searchKeys = {
  all: (slug: string) => ['ws', slug, 'search'] as const,
  results: (slug: string, query: string) => ['ws', slug, 'search', query] as const,
  pages: (slug: string, query: string) => ['ws', slug, 'search', 'pages', query] as const,
  similar: (slug: string, title: string, text: string) =>
    ['ws', slug, 'search', 'similar', title, text] as const,
  views: (slug: string) => ['ws', slug, 'views'] as const,
};

/**
 * One search, for a query string made by `filtersToSearchApiQuery` (plus offset and limit). The
 * request is aborted when nothing on screen waits for its answer any more: while typing, only
 * the latest words are still being asked.
 */
export const searchQuery = (workspace: WorkspaceRef, query: string) =>
  queryOptions({
    queryKey: searchKeys.results(workspace.slug, query),
    queryFn: ({ signal }) => api.get<SearchResults>(`${ws(workspace)}/search?${query}`, signal),
  });

/** As-you-type results: the previous answer stays on screen until the next one arrives. */
export function useQuickSearch(workspace: WorkspaceRef, query: string, enabled: boolean) {
  return useQuery({ ...searchQuery(workspace, query), enabled, placeholderData: keepPreviousData });
}

/** The results page: `pageSize` at a time, "more" asking for the next ones. */
export function useSearchPages(workspace: WorkspaceRef, query: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: searchKeys.pages(workspace.slug, query),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      api.get<SearchResults>(
        `${ws(workspace)}/search?${query}${query ? '&' : ''}offset=${pageParam}&limit=${pageSize}`,
        signal,
      ),
    getNextPageParam: (last, pages) => {
      const seen = pages.reduce((sum, page) => sum + page.items.length, 0);
      return seen < last.total && last.items.length > 0 && seen <= 10_000 ? seen : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

/** Several searches at once, for their facets (one per facet that has a value chosen). */
export function useSearches(workspace: WorkspaceRef, queries: string[]) {
  return useQueries({
    queries: queries.map((query) => ({
      ...searchQuery(workspace, query),
      placeholderData: keepPreviousData,
    })),
  });
}

/** Contents on the same subject as a text being written (nothing is asked for empty text). */
export function useSimilarToText(workspace: WorkspaceRef, title: string, text: string) {
  return useQuery({
    queryKey: searchKeys.similar(workspace.slug, title, text),
    queryFn: async ({ signal }) =>
      (
        await request<ListOf<SearchHit>>('POST', `${ws(workspace)}/search/similar`, {
          body: { title, text, limit: 5 },
          signal,
        })
      ).items,
    enabled: title.trim() !== '' || text.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

// ---- saved views ---------------------------------------------------------------------------

export function useViews(workspace: WorkspaceRef) {
  return useQuery({
    queryKey: searchKeys.views(workspace.slug),
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<SavedView>>(`${ws(workspace)}/views`, signal)).items,
  });
}

function useViewMutation<TInput, TResult>(
  workspace: WorkspaceRef,
  send: (input: TInput) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.views(workspace.slug) }),
  });
}

const viewPath = (workspace: WorkspaceRef, id: string) =>
  `${ws(workspace)}/views/${encodeURIComponent(id)}`;

/** Saves a view with the screen it is saved from: it opens there for everyone who sees it. */
export const useCreateView = (workspace: WorkspaceRef) =>
  useViewMutation(workspace, (input: ViewInput & { name: string; screen?: FilterScreen }) =>
    api.post<SavedView>(`${ws(workspace)}/views`, input),
  );
export const useUpdateView = (workspace: WorkspaceRef) =>
  useViewMutation(workspace, ({ id, ...input }: ViewInput & { id: string }) =>
    api.patch<SavedView>(viewPath(workspace, id), input),
  );
export const useDeleteView = (workspace: WorkspaceRef) =>
  useViewMutation(workspace, (id: string) => api.delete<void>(viewPath(workspace, id)));
