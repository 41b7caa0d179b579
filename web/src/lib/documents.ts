import type { ContentSummary, ContentType } from '../api/types';
import type { TranslationKey } from '../i18n/keys';

// Documents in and out (issue 18): which files an import takes, which type a new content gets,
// what the import report says, and which revisions a content can be exported at.

/** The document formats an import reads, by the file name's extension. */
export const importExtensions = ['.docx', '.odt', '.md', '.markdown', '.html', '.htm'] as const;

/** The file chooser's filter, the same list. */
export const importAccept = importExtensions.join(',');

/** Whether a file's name says it is a document the import reads. */
export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return importExtensions.some((extension) => lower.endsWith(extension));
}

/**
 * The type a new content from a document gets unless the person chooses: the server's own
 * default, the first type with a `body` field (an article-like type), else the first type.
 */
export function defaultImportType(types: readonly ContentType[]): ContentType | undefined {
  return types.find((type) => type.fields.some((field) => field.key === 'body')) ?? types[0];
}

/** The formats a content is exported in, in the order the menu offers them. */
export const exportFormats = ['docx', 'odt', 'pdf', 'md', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatKey = {
  docx: 'export.format_docx',
  odt: 'export.format_odt',
  pdf: 'export.format_pdf',
  md: 'export.format_md',
  html: 'export.format_html',
} as const satisfies Record<ExportFormat, TranslationKey>;

/** Which revision an export is of: the current one, the validated one, or a number. */
export type ExportRevision = 'current' | 'validated' | number;

/** The revisions the export menu offers: the current one, and the validated one if any. */
export function exportRevisions(
  content: Pick<ContentSummary, 'revision' | 'validated_revision'>,
): ExportRevision[] {
  const choices: ExportRevision[] = ['current'];
  if (content.validated_revision !== null && content.validated_revision !== undefined) {
    choices.push('validated');
  }
  return choices;
}

/** What an import could not keep, in the report's words (unknown kinds are said generally). */
export const notKeptKey = {
  embedded_object: 'import.not_kept_embedded_object',
  macro: 'import.not_kept_macro',
  text_box: 'import.not_kept_text_box',
  chart: 'import.not_kept_chart',
  smart_art: 'import.not_kept_smart_art',
  field_code: 'import.not_kept_field_code',
  equation: 'import.not_kept_equation',
  form_field: 'import.not_kept_form_field',
  table_header: 'import.not_kept_table_header',
} as const satisfies Record<string, TranslationKey>;

export function notKeptLabelKey(what: string): TranslationKey {
  return (notKeptKey as Record<string, TranslationKey>)[what] ?? 'import.not_kept_other';
}

/**
 * The Content-Type a proof goes to the server with: the JSON twin or the PDF, by the file's own
 * type or, when the system gave none, its name.
 */
export function proofContentType(file: { name: string; type: string }): string | null {
  if (file.type === 'application/json' || file.type === 'application/pdf') return file.type;
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.json')) return 'application/json';
  if (lower.endsWith('.pdf')) return 'application/pdf';
  return null;
}
