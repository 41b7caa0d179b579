// Files beside the text: how a size is said, what the browser can show, and the queue of
// uploads a drop or a pick starts (several files at once, each with its own progress).

/** The kinds the server sorts files into (from their detected type). */
export const mediaKinds = [
  'image',
  'pdf',
  'document',
  'spreadsheet',
  'presentation',
  'text',
  'video',
  'other',
] as const;
export type MediaKind = (typeof mediaKinds)[number];

export function isMediaKind(value: string): value is MediaKind {
  return (mediaKinds as readonly string[]).includes(value);
}

const sizeUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * "840 bytes", "1.2 MB", "1,2 Mo": decimal units (1 MB = 1,000,000 bytes, as the file managers
 * of most systems say it), one decimal under ten, none above.
 */
export function formatSize(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < sizeUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  // 999.95 kB rounds to "1,000 kB": say "1 MB" instead.
  if (unit < sizeUnits.length - 1 && Number(value.toFixed(digits)) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: sizeUnits[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
  }).format(value);
}

/** "DOCX", "PDF": a file's extension, short enough for a tile; null when it has none. */
export function fileExtension(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return match ? match[1]!.toUpperCase() : null;
}

/** A whole percentage of what has gone out, 0 when nothing is known yet. */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

/** Raster images a browser shows in an <img>; SVG is never shown inline (the server refuses it). */
export function isShownImage(type: string): boolean {
  return /^image\/(jpeg|png|gif|webp)$/i.test(type);
}

/** How a file is previewed in the browser: an image in the page, a PDF in the browser's viewer. */
export function previewOf(type: string): 'image' | 'pdf' | null {
  if (isShownImage(type)) return 'image';
  if (type.toLowerCase() === 'application/pdf') return 'pdf';
  return null;
}

/** The files of a paste or a drop the editor takes as images (the rest go to the panel). */
export function imageFiles(files: Iterable<File>): File[] {
  return [...files].filter((file) => /^image\//i.test(file.type) && !/svg/i.test(file.type));
}

// ---- files in the history ----------------------------------------------------------------------

/** What happened to one file between two revisions. */
export type FileChange =
  | { kind: 'added'; name: string; version: number }
  | { kind: 'removed'; name: string; version: number }
  | { kind: 'changed'; name: string; from: number; to: number };

interface RecordedFile {
  attachment_id: string;
  media_id: string;
  version: number;
  sha256: string;
  name: string;
}

/**
 * The files two revisions disagree on, in the newer one's order, removed ones last. A file is
 * changed when its bytes differ (a new version, or another library file put in its place).
 */
export function diffAttachments(
  before: readonly RecordedFile[],
  after: readonly RecordedFile[],
): FileChange[] {
  const earlier = new Map(before.map((file) => [file.attachment_id, file]));
  const later = new Set(after.map((file) => file.attachment_id));
  const changes: FileChange[] = [];
  for (const file of after) {
    const old = earlier.get(file.attachment_id);
    if (!old) changes.push({ kind: 'added', name: file.name, version: file.version });
    else if (old.sha256 !== file.sha256 || old.media_id !== file.media_id) {
      changes.push({ kind: 'changed', name: file.name, from: old.version, to: file.version });
    }
  }
  for (const file of before) {
    if (!later.has(file.attachment_id)) {
      changes.push({ kind: 'removed', name: file.name, version: file.version });
    }
  }
  return changes;
}

// ---- the upload queue ------------------------------------------------------------------------

export type UploadState = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

/** One file on its way, as the panel lists it. */
export interface Upload {
  key: string;
  name: string;
  size: number;
  loaded: number;
  state: UploadState;
  /** What went wrong, for a failed one (the screen says it in words). */
  error?: unknown;
}

export type UploadEvent =
  | { kind: 'add'; uploads: { key: string; name: string; size: number }[] }
  | { kind: 'start'; key: string }
  | { kind: 'progress'; key: string; loaded: number }
  | { kind: 'done'; key: string }
  | { kind: 'failed'; key: string; error: unknown }
  | { kind: 'cancelled'; key: string }
  | { kind: 'retry'; key: string }
  | { kind: 'dismiss'; key: string }
  | { kind: 'clear_finished' };

/** The queue after one event; unknown keys change nothing (an event of a dismissed upload). */
export function nextUploads(queue: readonly Upload[], event: UploadEvent): Upload[] {
  const update = (key: string, change: (upload: Upload) => Upload) =>
    queue.map((upload) => (upload.key === key ? change(upload) : upload));
  switch (event.kind) {
    case 'add':
      return [
        ...queue,
        ...event.uploads
          .filter((added) => !queue.some((upload) => upload.key === added.key))
          .map((added) => ({ ...added, loaded: 0, state: 'queued' as const })),
      ];
    case 'start':
      return update(event.key, (u) =>
        u.state === 'queued' ? { ...u, state: 'uploading', loaded: 0 } : u,
      );
    case 'progress':
      return update(event.key, (u) =>
        u.state === 'uploading' ? { ...u, loaded: Math.min(u.size, event.loaded) } : u,
      );
    case 'done':
      return update(event.key, (u) => ({ ...u, state: 'done', loaded: u.size }));
    case 'failed':
      return update(event.key, (u) =>
        u.state === 'cancelled' ? u : { ...u, state: 'failed', error: event.error },
      );
    case 'cancelled':
      return update(event.key, (u) =>
        u.state === 'done' ? u : { ...u, state: 'cancelled', loaded: 0 },
      );
    case 'retry':
      return update(event.key, (u) => {
        if (u.state !== 'failed' && u.state !== 'cancelled') return u;
        const { error: _error, ...rest } = u;
        return { ...rest, state: 'queued', loaded: 0 };
      });
    case 'dismiss':
      return queue.filter((upload) => upload.key !== event.key);
    case 'clear_finished':
      return queue.filter((upload) => upload.state !== 'done' && upload.state !== 'cancelled');
  }
}

/**
 * The uploads to start now: the oldest queued ones, so that no more than `parallel` go out at
 * once (a drop of forty photos does not open forty connections).
 */
export function uploadsToStart(queue: readonly Upload[], parallel: number): string[] {
  const running = queue.filter((upload) => upload.state === 'uploading').length;
  const room = Math.max(0, parallel - running);
  return queue
    .filter((upload) => upload.state === 'queued')
    .slice(0, room)
    .map((upload) => upload.key);
}

/** The progress of everything still on its way, for one line over the queue. */
export function queueProgress(queue: readonly Upload[]): {
  active: number;
  loaded: number;
  total: number;
} {
  const active = queue.filter((u) => u.state === 'queued' || u.state === 'uploading');
  return {
    active: active.length,
    loaded: active.reduce((sum, u) => sum + u.loaded, 0),
    total: active.reduce((sum, u) => sum + u.size, 0),
  };
}

// ---- the media library's search ---------------------------------------------------------------

export interface MediaFilter {
  q: string;
  tag: string;
  kind: MediaKind | '';
}

/** The library's filters as the API's query (empty ones left out). */
export function mediaQuery(filter: MediaFilter): string {
  const params = new URLSearchParams();
  const q = filter.q.trim();
  const tag = filter.tag.trim().replace(/^#/, '');
  if (q) params.set('q', q);
  if (tag) params.set('tag', tag);
  if (filter.kind) params.set('kind', filter.kind);
  return params.toString();
}

/** The library's filters read from its URL; anything unknown is left out. */
export function mediaFilterFrom(params: URLSearchParams): MediaFilter {
  const kind = params.get('kind') ?? '';
  return {
    q: params.get('q') ?? '',
    tag: params.get('tag') ?? '',
    kind: isMediaKind(kind) ? kind : '',
  };
}

/** Tags typed as "visual, LinkedIn, #agency": trimmed, without '#', each once, in order. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/^#+/, '');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/**
 * A text's images as a review link's visitor reads them: an image uploaded into the text points
 * at the member route of its file (`/api/v1/media/<id>/file`); the visitor's session reaches the
 * same file through the link's route.
 */
export function reviewImageSources(markdown: string, secret: string): string {
  const base = `/api/v1/review/${encodeURIComponent(secret)}/media/`;
  return markdown.replace(/\]\(\/api\/v1\/media\/([A-Za-z0-9_-]+)\/file\)/g, `](${base}$1/file)`);
}
