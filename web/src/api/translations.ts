import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { contentKeys, contentPath } from './contents';
import type { Content, ContentDiff, ContentSummary, Language } from './types';

// Linked translations (issue 20, PLAN20 §3): a content in another language linked to its
// source, out of date once the source's text changed since it was last brought up to date.
// Every write answers with the content as it is now; it replaces the content's cache entry, and
// the lists that filter on translations are asked again.

/** The `translation` filter's values: a language missing, a translation out of date. */
export const translationFilterStates = ['missing', 'out_of_date'] as const;
export type TranslationFilterState = (typeof translationFilterStates)[number];

export type TranslationState = 'up_to_date' | 'out_of_date';

/** One content of a group, as far as the reader may read it. */
export interface TranslationLanguage {
  language: Language;
  content_id: string;
  title: string;
  is_source: boolean;
  /** A translation's state; null for the source. */
  state: TranslationState | null;
}

/** Where a content stands among its linked translations. */
export interface Translation {
  source_id: string;
  is_source: boolean;
  /** The source first, then by language. */
  languages: TranslationLanguage[];
  /** A translation's: the source's revision it was last brought up to date with. */
  synced_revision: number | null;
  /** A translation's: the source's current revision. */
  source_revision: number | null;
  state: TranslationState | null;
}

/** What the content JSON carries about its translations (servers before issue 20 send none). */
export interface TranslationFacts {
  translation?: Translation | null;
}

export type TranslatedContent = Content & TranslationFacts;
export type TranslatedSummary = ContentSummary & TranslationFacts;

/** The source's changes since a translation was last brought up to date. */
export interface SourceDiff extends ContentDiff {
  source_id: string;
}

const translationPath = (id: string) => `${contentPath(id)}/translation`;

export const createTranslation = (id: string, language: Language) =>
  api.post<TranslatedContent>(`${contentPath(id)}/translations`, { language });

export const markTranslationSynced = (id: string, revision?: number) =>
  api.post<TranslatedContent>(
    `${translationPath(id)}/synced`,
    revision === undefined ? {} : { revision },
  );

export const linkTranslation = (id: string, sourceId: string) =>
  api.put<TranslatedContent>(translationPath(id), { source_id: sourceId });

export const unlinkTranslation = (id: string) => api.delete<TranslatedContent>(translationPath(id));

/** After a link changed: this content's page, its group's pages, the lists that filter on it. */
export async function adoptTranslated(queryClient: QueryClient, content: TranslatedContent) {
  queryClient.setQueryData(contentKeys.one(content.id), content);
  const linked = (content.translation?.languages ?? []).map((l) => l.content_id);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['content', content.id, 'activity'] }),
    queryClient.invalidateQueries({ queryKey: ['content', content.id, 'source-diff'] }),
    ...linked
      .filter((other) => other !== content.id)
      .map((other) => queryClient.invalidateQueries({ queryKey: contentKeys.one(other) })),
    queryClient.invalidateQueries({
      queryKey: ['ws'],
      predicate: (q) =>
        q.queryKey[2] === 'contents' || q.queryKey[2] === 'calendar' || q.queryKey[2] === 'search',
    }),
  ]);
}

/** "Translate into…": the new content, to open next. */
export function useCreateTranslation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => createTranslation(id, language),
    onSuccess: async (created) => {
      await adoptTranslated(queryClient, created);
      await queryClient.invalidateQueries({ queryKey: contentKeys.one(id) });
    },
  });
}

/** "Mark as up to date": synced with the source's current revision. */
export function useMarkTranslationSynced(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markTranslationSynced(id),
    onSuccess: (content) => adoptTranslated(queryClient, content),
  });
}

/** The source's diff since the translation's synced revision, while it is out of date. */
export function useSourceDiff(id: string, syncedRevision: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['content', id, 'source-diff', syncedRevision] as const,
    queryFn: ({ signal }) => api.get<SourceDiff>(`${translationPath(id)}/source-diff`, signal),
    enabled,
    staleTime: 5_000,
  });
}
