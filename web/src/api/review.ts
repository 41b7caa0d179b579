import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, readAnswer, sendRequest } from './client';
import type { CommentThread, NewComment } from './collab';
import type { ContentType, FieldValue, Decision, Network, NetworkRules, Variant } from './types';
import type { LinkLevel } from '../lib/sharing';
import type { Attachment } from './files';

// The review API, for people without an account who open a link (issue 8). Its session is a
// cookie the server scopes to /api/v1/review/<secret>, with a CSRF token of its own kept here:
// nothing of a signed-in session (its token, its /me) is sent or read.

export interface ReviewDecision {
  id: string;
  revision: number;
  decision: Decision;
  comment: string;
  visitor: { name: string; email: string };
  created_at: string;
  stale: boolean;
}

/** A content as a link shows it. */
export interface ReviewContent {
  id: string;
  title: string;
  language: string;
  revision: number;
  version: number;
  fields: Record<string, FieldValue>;
  type: ContentType;
  status: { name: string; color: string } | null;
  publish_at: string | null;
  updated_at: string;
  decisions: ReviewDecision[];
  /** The content's edited variants, by channel id (issue 20). */
  variants?: Record<string, Variant>;
  /** Its channels, when the link shows them: those with a network get a derived preview. */
  channels?: { id: string; name: string; network?: Network | null }[];
}

export interface Review {
  link: { level: LinkLevel; label: string; expires_at: string; project: string | null };
  visitor: { name: string; email: string } | null;
  csrf_token: string;
  contents: ReviewContent[];
  /** The page previews are signed with (issue 20). */
  page?: { name: string; avatar_url: string | null };
  /** The networks' rules (issue 20); the published figures when absent. */
  networks?: NetworkRules[];
}

/**
 * What the 401 before a session says about the link. A link with a password says only that it
 * needs one: its level and label come with the session, once the password is given.
 */
export interface ReviewGate {
  password_required: boolean;
  level: LinkLevel | null;
  label: string;
}

export function reviewGate(error: unknown): ReviewGate | null {
  if (!(error instanceof ApiError) || error.status !== 401) return null;
  const { password_required, level, label } = error.extra;
  return {
    password_required: password_required === true,
    level: typeof level === 'string' ? (level as LinkLevel) : null,
    label: typeof label === 'string' ? label : '',
  };
}

let reviewCsrf: string | null = null;

/** A request of the review session: the shared client, with the link's own CSRF token. */
async function send<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  return readAnswer<T>(await sendRequest(method, path, { body, signal, csrfToken: reviewCsrf }));
}

const base = (secret: string) => `/api/v1/review/${encodeURIComponent(secret)}`;

export const reviewKeys = {
  review: (secret: string) => ['review', secret] as const,
  comments: (secret: string, contentId: string) =>
    ['review', secret, 'comments', contentId] as const,
};

export function useReview(secret: string) {
  return useQuery({
    queryKey: reviewKeys.review(secret),
    queryFn: async ({ signal }) => {
      const review = await send<Review>('GET', base(secret), undefined, signal);
      reviewCsrf = review.csrf_token;
      return review;
    },
    retry: false,
    staleTime: 15_000,
  });
}

/** Says who is reading (and the link's password): opens the session, then reads the link. */
export function useOpenReview(secret: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; email: string; password?: string }) =>
      send<{ csrf_token: string }>('POST', `${base(secret)}/session`, input),
    onSuccess: async (opened) => {
      reviewCsrf = opened.csrf_token;
      await queryClient.fetchQuery({
        queryKey: reviewKeys.review(secret),
        queryFn: async () => {
          const review = await send<Review>('GET', base(secret));
          reviewCsrf = review.csrf_token;
          return review;
        },
        staleTime: 0,
      });
    },
  });
}

export interface ReviewDecisionInput {
  content_id: string;
  revision: number;
  decision: 'validated' | 'not_validated';
  comment: string;
}

export function useReviewDecision(secret: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewDecisionInput) =>
      send<ReviewDecision>('POST', `${base(secret)}/decision`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewKeys.review(secret) }),
  });
}

/** Saves the visitor's edit of the text from the version they read. */
export function useReviewEdit(secret: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      base_version: number;
      title?: string;
      fields?: Record<string, FieldValue>;
    }) => send<ReviewContent>('PATCH', `${base(secret)}/contents/${encodeURIComponent(id)}`, body),
    onSuccess: (content) =>
      queryClient.setQueryData<Review>(reviewKeys.review(secret), (review) =>
        review
          ? {
              ...review,
              contents: review.contents.map((c) => (c.id === content.id ? content : c)),
            }
          : review,
      ),
  });
}

export function useReviewComments(secret: string, contentId: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.comments(secret, contentId),
    queryFn: async ({ signal }) =>
      (
        await send<{ items: CommentThread[] }>(
          'GET',
          `${base(secret)}/contents/${encodeURIComponent(contentId)}/comments`,
          undefined,
          signal,
        )
      ).items,
    enabled,
    refetchInterval: 30_000,
  });
}

export function useAddReviewComment(secret: string, contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewComment) =>
      send('POST', `${base(secret)}/contents/${encodeURIComponent(contentId)}/comments`, input),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: reviewKeys.comments(secret, contentId) }),
  });
}

/** The files of a content the link shows (each at its current version). */
export function useReviewAttachments(secret: string, contentId: string) {
  return useQuery({
    queryKey: ['review', secret, 'attachments', contentId],
    queryFn: async ({ signal }) =>
      (
        await send<{ items: Attachment[] }>(
          'GET',
          `${base(secret)}/contents/${encodeURIComponent(contentId)}/attachments`,
          undefined,
          signal,
        )
      ).items,
  });
}

/** A visitor reads files through the link's own routes: the current version, and renditions. */
export function reviewMediaPath(secret: string, mediaId: string): string {
  return `${base(secret)}/media/${encodeURIComponent(mediaId)}`;
}
