import type { FieldProblem, Problem } from './types';

// A small typed fetch client for /api/v1. Every error the server sends is problem+json; this turns
// it (or a network failure, or a proxy's HTML error page) into one ApiError the screens can read.

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The session cookie is HttpOnly; the CSRF token that goes with it lives only in memory, refreshed
// by every response that carries one (GET /me, login, setup).
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** An HTTP error answer from the API, or `status` 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait before trying again, from a `Retry-After` header. */
  readonly retryAfterSeconds: number | null;
  /** The problem's other members (a 409's `conflicts`, a channel's `contents` count…). */
  readonly extra: Record<string, unknown>;

  constructor(
    problem: Problem,
    retryAfterSeconds: number | null = null,
    extra: Record<string, unknown> = {},
  ) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
    this.extra = extra;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The server's message for each named input field; the first one wins when a field repeats. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problem.errors) {
      if (!(field in byField)) byField[field] = message;
    }
    return byField;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * Reads `Retry-After` (RFC 9110: delay in seconds, or an HTTP date) as whole seconds from `now`.
 * Returns null when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  // An HTTP date names its day and month ("Sun, 06 Nov 1994 08:49:37 GMT"); a bare "-5" is no date.
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function readFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, message } = entry as Record<string, unknown>;
    if (typeof field !== 'string') return [];
    return [{ field, message: typeof message === 'string' ? message : '' }];
  });
}

/**
 * Builds a Problem from any body: a well-formed problem+json is kept as sent; anything else
 * (plain text, HTML from a proxy, malformed JSON) becomes a problem named after the status.
 */
export function problemFromBody(status: number, statusText: string, body: string): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    errors: [],
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fallback;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fallback;
  const raw = parsed as Record<string, unknown>;
  const problem: Problem = {
    type: typeof raw.type === 'string' ? raw.type : fallback.type,
    title: typeof raw.title === 'string' && raw.title !== '' ? raw.title : fallback.title,
    // The status line is the truth; the body's copy of it is advisory (RFC 9457 §3.1.3).
    status,
    errors: readFieldProblems(raw.errors),
  };
  if (typeof raw.detail === 'string' && raw.detail !== '') problem.detail = raw.detail;
  return problem;
}

const problemMembers = new Set(['type', 'title', 'status', 'detail', 'errors', 'instance']);

/** The members of a problem+json body beyond RFC 9457's own. */
export function extraMembers(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([key]) => !problemMembers.has(key)));
  } catch {
    return {};
  }
}

/** Turns a non-2xx response into an ApiError, reading its problem+json body if it has one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body = '';
  try {
    body = await response.text();
  } catch {
    // A body cut short still leaves the status to report.
  }
  const problem = problemFromBody(response.status, response.statusText, body);
  return new ApiError(
    problem,
    parseRetryAfter(response.headers.get('Retry-After')),
    extraMembers(body),
  );
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Set on the one retry after a 403 made the client fetch a fresh CSRF token. */
  csrfRefreshed?: boolean;
}

/** Fetches the session's current CSRF token from /me; false when there is no session. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/v1/me', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return false;
    const me = (await response.json()) as { csrf_token?: unknown };
    if (typeof me.csrf_token !== 'string' || me.csrf_token === csrfToken) return false;
    csrfToken = me.csrf_token;
    return true;
  } catch {
    return false;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One fetch to the API, shared by the app and the review page (each with its own CSRF token):
 * JSON in, the token on unsafe methods, and a network failure turned into an ApiError of status 0.
 */
export async function sendRequest(
  method: Method,
  path: string,
  options: { body?: unknown; signal?: AbortSignal | undefined; csrfToken: string | null },
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (unsafeMethods.has(method) && options.csrfToken) headers['X-CSRF-Token'] = options.csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, errors: [] });
  }
}

/** An answer's JSON body (undefined when it has none), or its problem+json thrown as an ApiError. */
export async function readAnswer<T>(response: Response): Promise<T> {
  if (!response.ok) throw await errorFromResponse(response);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Sends one request to the API and returns its JSON body (undefined for 204). */
export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await sendRequest(method, path, {
    body: options.body,
    signal: options.signal,
    csrfToken,
  });
  if (
    response.status === 403 &&
    unsafeMethods.has(method) &&
    !options.csrfRefreshed &&
    (await refreshCsrfToken())
  ) {
    // The CSRF token was missing or had changed (a session opened in another tab, a reload before
    // /me answered): the server did nothing, so asking once more with the current token is safe.
    return request<T>(method, path, { ...options, csrfRefreshed: true });
  }
  return readAnswer<T>(response);
}

/** How much of an upload's body has gone out. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  /** PUT for a file that replaces one (a reference document); POST otherwise. */
  method?: 'POST' | 'PUT';
  /** Called as the body goes out (the browser's upload progress events). */
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** The review page's own CSRF token instead of the app's. */
  csrfToken?: string | null;
  /** Set on the one retry after a 403 made the client fetch a fresh CSRF token. */
  csrfRefreshed?: boolean;
}

/**
 * Sends a file as the RAW body of a POST or a PUT (not multipart: the server streams it to disk as it
 * comes) and returns the answer's JSON. XMLHttpRequest rather than fetch: its upload events
 * give the progress of the body, which fetch does not report for a file. The file's own type
 * goes as Content-Type; the server decides from the bytes anyway.
 */
export function uploadRaw<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  const token = options.csrfToken === undefined ? csrfToken : options.csrfToken;
  return new Promise<T>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort);
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.upload.addEventListener('progress', (event) => {
      options.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    });
    xhr.addEventListener('load', () => {
      done();
      const body = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.({ loaded: file.size, total: file.size });
        try {
          resolve((body === '' ? undefined : JSON.parse(body)) as T);
        } catch {
          reject(new ApiError(problemFromBody(xhr.status, xhr.statusText, body)));
        }
        return;
      }
      if (
        xhr.status === 403 &&
        !options.csrfRefreshed &&
        options.csrfToken === undefined &&
        !options.signal?.aborted
      ) {
        // As `request` does: a missing or changed token, nothing done; once more with a fresh one.
        void refreshCsrfToken().then((fresh) => {
          if (fresh) {
            uploadRaw<T>(path, file, { ...options, csrfRefreshed: true }).then(resolve, reject);
          } else {
            reject(uploadError(xhr, body));
          }
        });
        return;
      }
      reject(uploadError(xhr, body));
    });
    xhr.addEventListener('error', () => {
      done();
      reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0, errors: [] }));
    });
    xhr.addEventListener('abort', () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    });
    xhr.send(file);
  });
}

function uploadError(xhr: XMLHttpRequest, body: string): ApiError {
  return new ApiError(
    problemFromBody(xhr.status, xhr.statusText, body),
    parseRetryAfter(xhr.getResponseHeader('Retry-After')),
    extraMembers(body),
  );
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
