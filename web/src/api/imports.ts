import { uploadRaw, type UploadProgress } from './client';
import { contentPath } from './contents';
import type { Content, Language } from './types';
import { workspacePath } from './workspace';

// Imports (issue 18): a .docx, .odt, Markdown or HTML file becomes a new content, or a new
// revision of a content's text. The file goes as the raw body, as an attachment does.

/** What came through an import, and what did not. */
export interface ImportReport {
  format: 'docx' | 'odt' | 'markdown' | 'html';
  title_from: 'metadata' | 'heading' | 'file_name';
  /** The content's fields the document filled ("title", "lead", "body"). */
  fields: string[];
  /** Images attached to the content. */
  images: number;
  /** Word comments made copydesk comments. */
  comments: number;
  tracked_changes: { insertions: number; deletions: number; accepted: boolean };
  not_kept: { what: string; count: number }[];
  warnings: string[];
}

export interface ImportResult {
  content: Content;
  report: ImportReport;
}

export interface ImportOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** One import under way, given how to report its progress and how to cancel it. */
export type ImportSend = (options: {
  onProgress: (progress: UploadProgress) => void;
  signal: AbortSignal;
}) => Promise<ImportResult>;

/** A document as a new content of the workspace (type and language left to the server if unset). */
export function importDocument(
  slug: string,
  file: File,
  choice: { type?: string; language?: Language | '' },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const params = new URLSearchParams({ name: file.name });
  if (choice.type) params.set('type', choice.type);
  if (choice.language) params.set('language', choice.language);
  return uploadRaw<ImportResult>(
    `${workspacePath(slug)}/imports?${params.toString()}`,
    file,
    options,
  );
}

/** A document as the new revision of a content's text, from the version the person saw. */
export function importRevision(
  contentId: string,
  file: File,
  version: number,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const params = new URLSearchParams({ name: file.name, version: String(version) });
  return uploadRaw<ImportResult>(
    `${contentPath(contentId)}/imports?${params.toString()}`,
    file,
    options,
  );
}
