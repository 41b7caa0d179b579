import type { TFunction } from 'i18next';
import { isApiError, type ApiError } from '../api/client';
import type { TranslationKey } from '../i18n/keys';

// The server explains its refusals in English (problem+json `detail`, `errors[].message`). A
// person reads them in their own language: the known cases are recognised by the problem's type
// (or status), the fields it names and the few members it adds, and said from the catalogs. What
// is not recognised gets the catalog's sentence for its kind of problem, never the English text.

/**
 * The sentence for an error no screen has a better word for. A refusal the server explains (a
 * 4xx) is said from the catalogs, as `problemMessage` says it: never "something unexpected".
 */
export function genericErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && !error.isNetworkError && error.status >= 400 && error.status < 500) {
    return problemMessage(t, error);
  }
  return fallbackMessage(t, error);
}

function fallbackMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    if (error.status >= 500) return t('errors.server');
  }
  return t('errors.unexpected');
}

/** What the person was doing, for the one refusal that depends on it: not being allowed to. */
export type Attempt = 'move' | 'decide' | 'lock' | 'unlock';

const forbiddenKey: Record<Attempt, TranslationKey> = {
  move: 'problems.forbidden_move',
  decide: 'problems.forbidden_decide',
  lock: 'problems.forbidden_lock',
  unlock: 'problems.forbidden_unlock',
};

// The problem's kind, from `type` ("/problems/locked") or, for a body without one, the status.
const kindOfStatus: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  422: 'validation',
  423: 'locked',
  429: 'rate-limited',
};

function problemKind(error: ApiError): string {
  const match = /\/problems\/([a-z-]+)$/.exec(error.problem.type);
  return match?.[1] ?? kindOfStatus[error.status] ?? '';
}

const hasField = (error: ApiError, test: (field: string) => boolean) =>
  error.problem.errors.some((e) => test(e.field));

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A refusal (or any error) in the user's language. */
export function problemMessage(t: TFunction, error: unknown, attempt?: Attempt): string {
  if (!isApiError(error) || error.isNetworkError || error.status >= 500) {
    return fallbackMessage(t, error);
  }
  const { detail = '' } = error.problem;
  switch (problemKind(error)) {
    case 'locked': {
      const by = error.extra.locked_by as { name?: unknown } | undefined;
      return t('problems.locked', {
        name: str(by?.name) || t('workflow.someone'),
        reason: str(error.extra.reason),
      });
    }
    case 'conflict':
      if (hasField(error, (f) => f === 'revision')) return t('problems.stale_revision');
      if (hasField(error, (f) => f === 'base_version')) return t('problems.changed_since');
      if (hasField(error, (f) => f.startsWith('move_to.'))) {
        return t('problems.move_to_required', {
          status: str(error.extra.status_name),
          contents: typeof error.extra.contents === 'number' ? error.extra.contents : 0,
        });
      }
      // These two carry no field: the server's sentence is the only sign of them.
      if (/\barchived\b/i.test(detail)) return t('problems.archived');
      if (/asks no approval/i.test(detail)) return t('problems.no_approval_asked');
      for (const [pattern, key] of conflictRules) if (pattern.test(detail)) return t(key);
      // A refusal that names its fields (already a member, a name already used…) says them.
      if (error.problem.errors.length > 0) {
        return fieldProblems(t, error)
          .map((problem) => problem.text)
          .join(' · ');
      }
      return t('problems.conflict');
    case 'forbidden':
      if (attempt) return t(forbiddenKey[attempt]);
      // "You may not …" says no more than the catalog's sentence; these say who may.
      for (const [pattern, key] of forbiddenRules) if (pattern.test(detail)) return t(key);
      return t('problems.forbidden');
    case 'not-found':
      return t('problems.not_found');
    case 'unauthorized':
      return t('problems.signed_out');
    case 'payload-too-large':
      return t('problems.too_large');
    case 'rate-limited':
      return t('problems.rate_limited');
    case 'bad-request':
    case 'validation': {
      const lines = fieldProblems(t, error).map((problem) => problem.text);
      return lines.length > 0
        ? t('problems.invalid_fields', { fields: lines.join(' · ') })
        : t('problems.invalid');
    }
    default:
      return fallbackMessage(t, error);
  }
}

const forbiddenRules: [RegExp, TranslationKey][] = [
  [/^Only an owner can/, 'refusal.owner_only'],
  [/^Only its author/, 'refusal.author_only'],
  [/X-CSRF-Token/, 'refusal.csrf'],
  [/^This link does not/, 'refusal.link_level'],
];

// Refusals that carry no field: the server's sentence is the only sign of them.
const conflictRules: [RegExp, TranslationKey][] = [
  [/already set up/i, 'refusal.already_set_up'],
  [/account with this e-mail already exists/i, 'refusal.account_exists'],
  [/has sub-channels/i, 'refusal.channel_has_children'],
  [/contents use this type/i, 'refusal.type_in_use'],
  [/Only an archived content can be deleted/i, 'refusal.purge_needs_archive'],
  [/needs at least one owner/i, 'refusal.last_owner'],
];

// The server's words for a field (errors[].message), as the catalog says them.
// The specific rules come before the general ones ("is required: contents are in this status"
// before "is required").
const fieldRules: [RegExp, TranslationKey, (m: RegExpExecArray) => Record<string, number>][] = [
  // Channel variants and the previews' page (issue 20).
  [/^is a channel without network rules/, 'variants.field_no_network', () => ({})],
  [/^is not an image attached to this content$/, 'variants.field_not_image', () => ({})],
  [
    /^must be one of x, linkedin, facebook, instagram, newsletter/,
    'variants.field_network',
    () => ({}),
  ],
  [/^is not a file of this workspace's library$/, 'variants.field_not_library_file', () => ({})],
  [/^is not a type of file copydesk accepts$/, 'variants.field_not_image_file', () => ({})],
  // Publication per channel and the calendar (issue 16): `url`, `published_at`, `planned_at`,
  // `channel`, and the calendar's `from`/`to` range. Before the general "is not a … of this …".
  [
    /^must be an? (absolute )?(http|https|http\(s\)|http or https|web)\b/i,
    'publication.field.url',
    () => ({}),
  ],
  [/^(must not be|cannot be|is) in the future$/, 'publication.field.not_future', () => ({})],
  [
    /^is not (one of )?(this|the) content'?s? channels?$/,
    'publication.field.not_a_channel',
    () => ({}),
  ],
  [/^is not a channel of (this|the) content$/, 'publication.field.not_a_channel', () => ({})],
  [/^must be (after|later than) from$/, 'calendar.field.after_from', () => ({})],
  [/^must be at most 100 days after from$/, 'calendar.field.span', () => ({})],
  [/^must be (\d+) to (\d+) characters$/, 'problems.field.length', (m) => range(m)],
  [/^must be at most (\d+) characters$/, 'problems.field.max_length', (m) => ({ max: +m[1]! })],
  // The home's week (GET /workspaces/{ws}/home) and a person's time zone (PATCH /me).
  [/^must be after from$/, 'home.field_after_from', () => ({})],
  [
    /^must be at most (\d+) days after from$/,
    'home.field_week_too_long',
    (m) => ({ days: +m[1]! }),
  ],
  [/^must be a time zone name/, 'timezone.field_name', () => ({})],
  [/^is not a time zone this server knows$/, 'timezone.unknown', () => ({})],
  [/^cannot be checked: this server has no time zone data$/, 'timezone.field_no_data', () => ({})],
  [/^must be at least (\d+) characters$/, 'problems.field.min_length', (m) => ({ min: +m[1]! })],
  [/^is too long/, 'problems.field.too_long', () => ({})],
  [/^is required: contents are in this status$/, 'problems.field.move_to_required', () => ({})],
  [/^is required while contents use this channel$/, 'problems.field.move_to_required', () => ({})],
  [/^is required: this link shows a project$/, 'refusal.field.not_this_link', () => ({})],
  [/^is not what this link shows$/, 'refusal.field.not_this_link', () => ({})],
  [/^(is required|must not be empty|must say why)/, 'problems.field.required', () => ({})],
  [/^is already a member of this workspace$/, 'refusal.field.already_member', () => ({})],
  [/^is already used by another team$/, 'refusal.field.team_name_taken', () => ({})],
  [/^is already used$/, 'refusal.field.taken', () => ({})],
  [/^is asked to approve by the workflow$/, 'refusal.field.team_in_workflow', () => ({})],
  [/^would leave the workspace without an owner$/, 'refusal.last_owner', () => ({})],
  [
    /^is not a (member|project|channel|content|content type|task list|comment|revision|version|text field) of this (workspace|content)$/,
    'refusal.field.unknown',
    () => ({}),
  ],
  [
    /^(is not in the field's text of that revision|the quote is not at this offset)$/,
    'refusal.field.quote_gone',
    () => ({}),
  ],
  [/^must be between (\d+) and (\d+)$/, 'refusal.field.between', (m) => range(m)],
  [/^has more than (\d+) statuses$/, 'problems.field.too_many_statuses', (m) => ({ max: +m[1]! })],
  [
    /^(has more than (\d+) \w+|has too many items \(at most (\d+)\))$/,
    'refusal.field.too_many',
    (m) => ({ max: +(m[2] ?? m[3])! }),
  ],
  [/^must hold (\d+) to (\d+) tasks$/, 'refusal.field.tasks', (m) => range(m)],
  [
    /^must be (a string|an integer|true or false|an array of strings|an object|an array|a whole number, 0 or more|a revision number \(1 or more\)|a version of this content \(1 or more\))$/,
    'refusal.field.wrong_kind',
    () => ({}),
  ],
  // The report's window (issue 16): before "must be a date".
  [/^must be after from$/, 'reports.field.after_from', () => ({})],
  [/^must be at most (\d+) days before to$/, 'reports.field.span', (m) => ({ max: +m[1]! })],
  [/^must be a time zone/, 'reports.field.time_zone', () => ({})],
  [/^must be a date/, 'refusal.field.date', () => ({})],
  [/^is not a known field$/, 'refusal.field.unknown_field', () => ({})],
  [/^is not one of this workspace's$/, 'refusal.field.unknown', () => ({})],
  [/^is not shared with you$/, 'refusal.field.not_shared', () => ({})],
  [/^must name at least one kind$/, 'refusal.field.at_least_one_kind', () => ({})],
  [/^only editors and above change it$/, 'refusal.field.editors_only', () => ({})],
  [/^is not valid for this list$/, 'refusal.field.stale_cursor', () => ({})],
  [/^has no body field to hold a document$/, 'import_refusal.no_body_field', () => ({})],
  [/^is not the content's current version$/, 'import_refusal.stale_version', () => ({})],
  [/^must be in the future$/, 'refusal.field.future', () => ({})],
  [/^cannot be in the future$/, 'publication_fields.not_future', () => ({})],
  [/^must be a web address \(http/, 'publication_fields.web_address', () => ({})],
  [/^must be after from$/, 'publication_fields.after_from', () => ({})],
  [/^must be at most (\d+) days after from$/, 'publication_fields.span', (m) => ({ max: +m[1]! })],
  [/^must be unscheduled, planned, late or published$/, 'publication_fields.state', () => ({})],
  // Linked translations (issue 20).
  [/^must be missing or out_of_date$/, 'translations.field_state', () => ({})],
  [/^already has a linked content in this language$/, 'translations.field_taken', () => ({})],
  [/^is this content itself$/, 'translations.field_itself', () => ({})],
  [/^is not a revision of the source$/, 'translations.field_revision', () => ({})],
  [/^must be within a year$/, 'refusal.field.within_year', () => ({})],
  [
    /^must be lowercase letters, digits and _, starting with a letter$/,
    'refusal.field.key_format',
    () => ({}),
  ],
  [/^must be one line$/, 'refusal.field.one_line', () => ({})],
  [
    /^cannot be the channel itself or one of its sub-channels$/,
    'refusal.field.own_parent',
    () => ({}),
  ],
  [/^must be another channel of this workspace$/, 'refusal.field.other_channel', () => ({})],
  [/^cannot change/, 'refusal.field.fixed', () => ({})],
  [/^is wrong$/, 'refusal.field.wrong', () => ({})],
  [
    /^(is the thread's: change its first comment|only a thread's first comment has an anchor)$/,
    'refusal.field.thread_first',
    () => ({}),
  ],
  [
    /^only the workspace's own members write internal comments$/,
    'refusal.field.internal_members',
    () => ({}),
  ],
  [
    /^only members of the workspace's staff may share a view$/,
    'refusal.field.share_view_staff',
    () => ({}),
  ],
  [/^a task is on a content or a project$/, 'refusal.field.task_target', () => ({})],
  [/^must be my_work, view or project$/, 'feeds.field_kind', () => ({})],
  [/^is not a workspace you belong to$/, 'feeds.field_workspace', () => ({})],
  [/^is not a (saved view|project) you see in this workspace$/, 'feeds.field_target', () => ({})],
  [/^is only for a (view|project)'s feed$/, 'feeds.field_stray', () => ({})],
  [/^give either a title or a task_list$/, 'refusal.field.title_or_list', () => ({})],
  [/^goes with a task_list only$/, 'refusal.field.with_list', () => ({})],
  [/^is used by another status$/, 'problems.field.name_taken', () => ({})],
  [/^must be a colou?r like/, 'problems.field.color', () => ({})],
  [/^must be idea, in_progress/, 'problems.field.category', () => ({})],
  [/^is not a status of this workspace$/, 'problems.field.unknown_status', () => ({})],
  [/^is listed twice$/, 'problems.field.twice', () => ({})],
  [/^is not a team of this workspace$/, 'problems.field.unknown_team', () => ({})],
  [/^must list at least one status$/, 'problems.field.no_status', () => ({})],
  [/^has more than (\d+) statuses$/, 'problems.field.too_many_statuses', (m) => ({ max: +m[1]! })],
  [/^must be a status that is kept$/, 'problems.field.move_to_kept', () => ({})],
  [/^must be an e-mail address$/, 'problems.field.email', () => ({})],
  [/^is already used by an account$/, 'problems.field.email_taken', () => ({})],
  [/^is not the current (revision|version)$/, 'problems.field.not_current', () => ({})],
  [
    /^must be (one of |fr or en$|asc or desc$|relevance, |read, |contents, board|json, |"|\\")/,
    'refusal.field.choice',
    () => ({}),
  ],
  // Files (issue 17, server side): the upload's name, bytes and the library's inputs.
  [/^is not valid UTF-8$/, 'files_server.field.not_utf8', () => ({})],
  [/^is longer than 255 characters$/, 'files_server.field.file_name_length', () => ({})],
  [
    /^(is not a file name|has a slash, a backslash or a control character)$/,
    'files_server.field.file_name',
    () => ({}),
  ],
  [/^is empty$/, 'files_server.field.file_empty', () => ({})],
  [/^is missing$/, 'files_server.field.file_missing', () => ({})],
  [/^is not a type of file copydesk accepts$/, 'files_server.field.file_type', () => ({})],
  [/^must be thumb or web$/, 'files_server.field.rendition_size', () => ({})],
  [/^is not a file of this workspace's library$/, 'files_server.field.not_in_library', () => ({})],
  [/^is not a cursor this list gave$/, 'files_server.field.stale_cursor', () => ({})],
  [/^is not a kind of file$/, 'files_server.field.file_kind', () => ({})],
  [/^must each have 1 to 64 bytes$/, 'files_server.field.tag_length', () => ({})],
  [/^must be valid UTF-8 of at most 2000 bytes$/, 'files_server.field.alt_length', () => ({})],
  // Exports and proofs (issue 18, server side).
  [
    /^a review link exports the revision it shows/,
    'export_server.field.review_revision',
    () => ({}),
  ],
  [/^is not a copydesk proof/, 'export_server.field.not_proof', () => ({})],
  [/^is neither a Word/, 'export_server.field.not_document', () => ({})],
  [/^is larger than (\d+) MB$/, 'export_server.field.too_large', (m) => ({ max: +m[1]! })],
  [/^must be a SHA-256 in hexadecimal$/, 'export_server.field.sha256', () => ({})],
  // Exports and proofs (issue 18): the choices, the reference document, the proof sent back.
  [
    /^must be (docx, odt, pdf, md or html|pdf or json|current, validated or a revision number)$/,
    'refusal.field.choice',
    () => ({}),
  ],
  [/^is empty: send/, 'files_server.field.file_empty', () => ({})],
  [/^must be the document's bytes$/, 'export.field.template_kind', () => ({})],
  [/^is larger than (\d+) MB$/, 'export.field.too_large', (m) => ({ max: +m[1]! })],
  [
    /^(is not a PDF$|is a PDF that carries no copydesk proof|is not a copydesk proof)/,
    'proof.field.not_a_proof',
    () => ({}),
  ],
  [
    /^(must be a proof pack's JSON object|must be a SHA-256 in hexadecimal)$/,
    'proof.field.not_a_proof',
    () => ({}),
  ],
  [/^must be a number$/, 'refusal.field.wrong_kind', () => ({})],
  [/^a review link exports the revision it shows/, 'export.field.review_current', () => ({})],
  [/neither a Word \(\.docx\) nor an OpenDocument/, 'export.field.template_kind', () => ({})],
  // Imports (issue 18): why a document could not be read, said of the file.
  [
    /^This file is not an? .+ although its name ends in/i,
    'import.field.not_what_it_says',
    () => ({}),
  ],
  [/password-protected|encrypted/i, 'import.field.encrypted', () => ({})],
  [/damaged|could not be read|corrupt/i, 'import.field.damaged', () => ({})],
  [/^This archive expands to more than (\d+) MB/, 'import.field.expands', (m) => ({ max: +m[1]! })],
  [/^is not a document copydesk imports|^must end in \.docx/i, 'import.field.format', () => ({})],
  [/^This archive holds more than/, 'import.field.too_many_files', () => ({})],
  [/^This document took too long/, 'import.field.too_slow', () => ({})],
  [
    /^This document converts to more text|^This text is longer than/,
    'import.field.too_long',
    () => ({}),
  ],
  [/^This text is not in UTF-8/, 'import.field.not_utf8', () => ({})],
  [/has no body field to hold a document/, 'import.field.no_body', () => ({})],
];

function range(m: RegExpExecArray) {
  return { min: +m[1]!, max: +m[2]! };
}

/**
 * Why an import was refused: the file's own reason (not what its name says, password-protected,
 * damaged, too big once unpacked), the upload limit, the converter missing, a text changed or
 * locked meanwhile.
 */
export function importErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error, 413)) return t('import.error_too_large');
  // Busy converting other documents (it says when to try again), or no converter at all.
  if (isApiError(error, 503) && error.retryAfterSeconds !== null) {
    return t('import.error_busy', { count: Math.max(1, error.retryAfterSeconds) });
  }
  if (isApiError(error, 503)) return t('import.error_unavailable');
  if (isApiError(error, 409)) return t('import.error_changed');
  if (isApiError(error, 422)) {
    const reason = error.fieldErrors().file;
    if (reason !== undefined) return fieldMessage(t, reason);
  }
  return genericErrorMessage(t, error);
}

// The field a path names, by its last segment: "statuses[2].gate.teams[0]" is "teams".
const fieldLabelKey: Record<string, TranslationKey> = {
  name: 'problems.label.name',
  color: 'problems.label.color',
  category: 'problems.label.category',
  teams: 'problems.label.teams',
  gate: 'problems.label.gate',
  statuses: 'problems.label.statuses',
  move_to: 'problems.label.move_to',
  id: 'problems.label.status',
  status: 'problems.label.status',
  email: 'problems.label.email',
  password: 'problems.label.password',
  workspace_name: 'problems.label.workspace_name',
  reason: 'problems.label.reason',
  comment: 'problems.label.comment',
  revision: 'problems.label.revision',
  base_version: 'problems.label.version',
  language: 'problems.label.language',
  role: 'settings.member_role',
  title: 'content.title',
  url: 'publication.url',
  published_at: 'publication.published_at',
  planned_at: 'publication.planned_at',
  channel: 'publication.channel',
  publication: 'publication.filter',
  translation: 'translations.filter',
};

/** The last named segment of a field path: "statuses[0].gate.teams[1]" → "teams". */
export function fieldName(path: string): string {
  const segments = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter(Boolean);
  // "move_to.<status id>": the id is the key, move_to the field.
  if (segments[0] === 'move_to') return 'move_to';
  return segments[segments.length - 1] ?? '';
}

export interface FieldProblem {
  /** The path as the server sent it ("statuses[0].name"). */
  path: string;
  /** Its last named segment ("name"), to find the input it belongs to. */
  field: string;
  /** The message alone, translated ("1 to 60 characters"). */
  message: string;
  /** Field and message, for a list away from the input ("Name: 1 to 60 characters"). */
  text: string;
}

/** The translated message for one field the server refused. */
export function fieldMessage(t: TFunction, message: string): string {
  for (const [pattern, key, values] of fieldRules) {
    const match = pattern.exec(message);
    if (match) return t(key, values(match));
  }
  return t('problems.field.invalid');
}

/** Each field the server named, translated. */
export function fieldProblems(t: TFunction, error: unknown): FieldProblem[] {
  if (!isApiError(error)) return [];
  return error.problem.errors.map(({ field: path, message }) => {
    const field = fieldName(path);
    const text = fieldMessage(t, message);
    const labelKey = fieldLabelKey[field];
    return {
      path,
      field,
      message: text,
      text: labelKey ? t('problems.field_line', { field: t(labelKey), message: text }) : text,
    };
  });
}

/** The field problems about one status row of the workflow ("statuses[2]…"), by row index. */
export function statusRowProblems(problems: FieldProblem[]): Map<number, FieldProblem[]> {
  const rows = new Map<number, FieldProblem[]>();
  for (const problem of problems) {
    const match = /^statuses\[(\d+)\]/.exec(problem.path);
    if (!match) continue;
    const index = Number(match[1]);
    rows.set(index, [...(rows.get(index) ?? []), problem]);
  }
  return rows;
}
