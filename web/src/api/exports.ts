import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportFormat, ExportRevision } from '../lib/documents';
import { api, isApiError, uploadRaw, type UploadProgress } from './client';
import { contentPath } from './contents';
import { workspacePath } from './workspace';

// Exports (issue 18): a content as a file, a project or a saved view as a zip, and the
// workspace's reference document their Word and OpenDocument files take their styles from.
// Downloads are plain links: the session cookie goes with them, the server names the file.

/** The address of a content's export, at a revision (the current one unless said). */
export function contentExportUrl(
  contentId: string,
  format: ExportFormat,
  revision: ExportRevision = 'current',
): string {
  const params = new URLSearchParams({ format, revision: String(revision) });
  return `${contentPath(contentId)}/export?${params.toString()}`;
}

/** The address of a project's or a saved view's contents as a zip of files plus an index. */
export function zipExportUrl(
  slug: string,
  of: { project: string } | { view: string },
  format: ExportFormat,
): string {
  const params = new URLSearchParams(of);
  params.set('format', format);
  return `${workspacePath(slug)}/export?${params.toString()}`;
}

/** The workspace's reference document for Word and OpenDocument exports. */
export interface ExportTemplate {
  name: string;
  format: 'docx' | 'odt';
  size: number;
  uploaded_at: string;
}

const templatePath = (slug: string) => `${workspacePath(slug)}/export-template`;
const templateKey = (slug: string) => ['ws', slug, 'export-template'] as const;

/** The reference document, or null when the workspace has none (the server's 404). */
export function useExportTemplate(slug: string, enabled = true) {
  return useQuery({
    queryKey: templateKey(slug),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<ExportTemplate>(templatePath(slug), signal);
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function useUploadTemplate(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      onProgress,
    }: {
      file: File;
      onProgress?: (progress: UploadProgress) => void;
    }) => {
      const params = new URLSearchParams({ name: file.name });
      return uploadRaw<ExportTemplate>(`${templatePath(slug)}?${params.toString()}`, file, {
        method: 'PUT',
        ...(onProgress ? { onProgress } : {}),
      });
    },
    onSuccess: (template) => queryClient.setQueryData(templateKey(slug), template),
  });
}

export function useRemoveTemplate(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(templatePath(slug)),
    onSuccess: () => queryClient.setQueryData(templateKey(slug), null),
  });
}
