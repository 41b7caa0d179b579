import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, uploadRaw, type UploadOptions } from './client';
import { contentKeys, contentPath } from './contents';
import type { ListOf } from './types';
import { workspacePath } from './workspace';
import type { MediaKind } from '../lib/files';

// Files beside the text (issue 17): a content's attachments, and the workspace's media library
// they come from. Uploads are raw bodies with the file's name in the query (uploadRaw); every
// change to an attachment is a change of its content (a new revision), so its content is read
// again after each one.

export interface PersonRef {
  id: string;
  name: string;
}

/** One stored version of a media file. */
export interface MediaVersion {
  number: number;
  sha256: string;
  /** The type detected from the bytes (a MIME type). */
  type: string;
  size: number;
  width?: number | null;
  height?: number | null;
  uploaded_by: PersonRef;
  uploaded_at: string;
  /** Its bytes (inline for raster images, a download otherwise). */
  url: string;
  /** A rendition for images and PDFs; null for the rest. */
  thumbnail_url?: string | null;
}

/** Where a media file is attached. */
export interface MediaUse {
  content_id: string;
  title: string;
  attachment_id: string;
}

/** A file of a workspace's library, shown by its current version. */
export interface MediaFile {
  id: string;
  workspace_id: string;
  name: string;
  tags: string[];
  kind: MediaKind;
  current: MediaVersion;
  /** How many versions it has. */
  versions: number;
  created_at: string;
  created_by: PersonRef;
  used_in?: MediaUse[];
}

/** A media file attached to a content, with its text alternative. */
export interface Attachment {
  id: string;
  content_id: string;
  alt: string;
  position: number;
  media: MediaFile;
}

export interface MediaPage {
  items: MediaFile[];
  next_cursor: string | null;
}

const enc = encodeURIComponent;
export const attachmentPath = (id: string) => `/api/v1/attachments/${enc(id)}`;
export const mediaPath = (id: string) => `/api/v1/media/${enc(id)}`;

/** The bytes of a media file: one version, or the current one. */
export const mediaFileUrl = (mediaId: string, version?: number) =>
  version === undefined
    ? `${mediaPath(mediaId)}/file`
    : `${mediaPath(mediaId)}/versions/${version}/file`;

/** A rendition of an image or a PDF: 320 px ("thumb") or 1600 px ("web") on its long side. */
export const mediaThumbnailUrl = (mediaId: string, version: number, size: 'thumb' | 'web') =>
  `${mediaPath(mediaId)}/versions/${version}/thumbnail?size=${size}`;

/** Upload URLs name the file in the query (the body is the file itself). */
function withName(path: string, name: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ name, ...extra });
  return `${path}?${params.toString()}`;
}

export const fileKeys = {
  attachments: (contentId: string) => ['content', contentId, 'attachments'] as const,
  versions: (mediaId: string) => ['media', mediaId, 'versions'] as const,
  library: (slug: string, query: string) => ['ws', slug, 'media', query] as const,
};

export function useAttachments(contentId: string) {
  return useQuery({
    queryKey: fileKeys.attachments(contentId),
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Attachment>>(`${contentPath(contentId)}/attachments`, signal)).items,
  });
}

export function useMediaVersions(mediaId: string, enabled = true) {
  return useQuery({
    queryKey: fileKeys.versions(mediaId),
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<MediaVersion>>(`${mediaPath(mediaId)}/versions`, signal)).items,
    enabled,
  });
}

/** A file sent as a new attachment of a content (a new media file in its workspace's library). */
export const uploadAttachment = (
  contentId: string,
  file: File,
  alt: string,
  options: UploadOptions = {},
) =>
  uploadRaw<Attachment>(
    withName(`${contentPath(contentId)}/attachments`, file.name, alt ? { alt } : {}),
    file,
    options,
  );

/** A new version of an attachment's media file (every content using it gets a new revision). */
export const uploadAttachmentVersion = (id: string, file: File, options: UploadOptions = {}) =>
  uploadRaw<Attachment>(withName(`${attachmentPath(id)}/versions`, file.name), file, options);

/** A file sent into the workspace's library, attached nowhere yet. */
export const uploadToLibrary = (slug: string, file: File, options: UploadOptions = {}) =>
  uploadRaw<MediaFile>(withName(`${workspacePath(slug)}/media`, file.name), file, options);

/** A new version of a library file: it replaces the file everywhere it is used. */
export const uploadMediaVersion = (mediaId: string, file: File, options: UploadOptions = {}) =>
  uploadRaw<MediaFile>(withName(`${mediaPath(mediaId)}/versions`, file.name), file, options);

/**
 * What an attachment's change touches: its content (a new revision, its history, the lists'
 * paperclip counts) and the library (where each file is used).
 */
export async function refreshAfterFileChange(queryClient: QueryClient, contentIds: string[]) {
  await Promise.all([
    ...contentIds.flatMap((id) => [
      queryClient.invalidateQueries({ queryKey: fileKeys.attachments(id) }),
      queryClient.invalidateQueries({ queryKey: contentKeys.one(id) }),
      queryClient.invalidateQueries({ queryKey: contentKeys.revisions(id) }),
    ]),
    queryClient.invalidateQueries({ queryKey: ['media'] }),
    queryClient.invalidateQueries({
      queryKey: ['ws'],
      predicate: (q) => q.queryKey[2] === 'contents' || q.queryKey[2] === 'media',
    }),
  ]);
}

/** Attaches a library file to a content without sending it again. */
export function useReuseMedia(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { media_id: string; alt: string }) =>
      api.post<Attachment>(`${contentPath(contentId)}/attachments`, input),
    onSuccess: () => refreshAfterFileChange(queryClient, [contentId]),
  });
}

export function useUpdateAttachment(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; alt?: string; position?: number }) =>
      api.patch<Attachment>(attachmentPath(id), body),
    onSuccess: () => refreshAfterFileChange(queryClient, [contentId]),
  });
}

export function useRemoveAttachment(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(attachmentPath(id)),
    onSuccess: () => refreshAfterFileChange(queryClient, [contentId]),
  });
}

/** The library, page after page, for one query (`q`, `tag`, `kind`). */
export function useMediaLibrary(slug: string, query: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: fileKeys.library(slug, query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      params.set('limit', '48');
      return api.get<MediaPage>(`${workspacePath(slug)}/media?${params.toString()}`, signal);
    },
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUpdateMedia() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; tags?: string[] }) =>
      api.patch<MediaFile>(mediaPath(id), body),
    onSuccess: (media) =>
      refreshAfterFileChange(
        queryClient,
        (media.used_in ?? []).map((use) => use.content_id),
      ),
  });
}

/** Deletes a library file that is used nowhere (the server answers 409 otherwise). */
export function useDeleteMedia() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(mediaPath(id)),
    onSuccess: () => refreshAfterFileChange(queryClient, []),
  });
}
