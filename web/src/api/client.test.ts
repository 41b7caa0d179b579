import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  errorFromResponse,
  parseRetryAfter,
  problemFromBody,
  readAnswer,
  request,
  sendRequest,
  setCsrfToken,
  uploadRaw,
} from './client';

function problemResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

describe('problem+json parsing', () => {
  it('keeps a well-formed problem as sent', async () => {
    const error = await errorFromResponse(
      problemResponse(422, {
        type: 'https://copydesk.dev/problems/invalid',
        title: 'Invalid input',
        status: 422,
        detail: 'Two fields are wrong.',
        errors: [
          { field: 'password', message: 'must be at least 12 characters' },
          { field: 'email', message: 'is not an email address' },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.problem).toEqual({
      type: 'https://copydesk.dev/problems/invalid',
      title: 'Invalid input',
      status: 422,
      detail: 'Two fields are wrong.',
      errors: [
        { field: 'password', message: 'must be at least 12 characters' },
        { field: 'email', message: 'is not an email address' },
      ],
    });
    expect(error.fieldErrors()).toEqual({
      password: 'must be at least 12 characters',
      email: 'is not an email address',
    });
  });

  it('keeps the first message when a field is named twice', () => {
    const problem = problemFromBody(
      422,
      '',
      JSON.stringify({
        title: 'Invalid',
        errors: [
          { field: 'name', message: 'first' },
          { field: 'name', message: 'second' },
        ],
      }),
    );
    expect(new ApiError(problem).fieldErrors()).toEqual({ name: 'first' });
  });

  it('drops malformed entries of errors and fills missing members', () => {
    const problem = problemFromBody(
      400,
      'Bad Request',
      JSON.stringify({ errors: [null, 'x', { message: 'no field' }, { field: 'name' }, 3] }),
    );
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'name', message: '' }],
    });
  });

  it('trusts the status line over the body', () => {
    expect(problemFromBody(409, 'Conflict', '{"title":"Taken","status":200}').status).toBe(409);
  });

  it('turns a body that is not JSON into a problem named after the status', () => {
    const problem = problemFromBody(502, 'Bad Gateway', '<html>upstream down</html>');
    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502, errors: [] });
    expect(problemFromBody(500, '', '').title).toBe('HTTP 500');
    expect(problemFromBody(500, '', '[1,2]').title).toBe('HTTP 500');
  });

  it('reads Retry-After from a 429', async () => {
    const error = await errorFromResponse(
      problemResponse(429, { title: 'Too many attempts', status: 429 }, { 'Retry-After': '840' }),
    );
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(840);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T10:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('14', now)).toBe(14);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:14:00 GMT', now)).toBe(840);
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0);
  });
  it('gives null for nothing or nonsense', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('sends JSON and the CSRF token on unsafe methods only', async () => {
    const fetchMock = vi.fn(async () => new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-1');

    await expect(request('POST', '/api/v1/x', { body: { a: 1 } })).resolves.toEqual({ ok: true });
    await request('GET', '/api/v1/y');

    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    const [postUrl, post] = calls[0]!;
    expect(postUrl).toBe('/api/v1/x');
    expect(post.method).toBe('POST');
    expect(post.body).toBe('{"a":1}');
    expect(post.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-CSRF-Token': 'tok-1',
    });
    expect(calls[1]![1].headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(request('POST', '/api/v1/auth/logout')).resolves.toBeUndefined();
  });

  it('throws the problem for an error status', async () => {
    vi.stubGlobal('fetch', async () =>
      problemResponse(401, { type: 'about:blank', title: 'Unauthorized', status: 401 }),
    );
    const error = await request('GET', '/api/v1/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).problem.title).toBe('Unauthorized');
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await request('GET', '/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetworkError).toBe(true);
  });
});

describe('a 403 on an unsafe request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('fetches a fresh CSRF token and asks once more', async () => {
    const seen: (string | undefined)[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url === '/api/v1/me') return new Response('{"csrf_token":"fresh"}', { status: 200 });
      const token = (init.headers as Record<string, string>)['X-CSRF-Token'];
      seen.push(token);
      return token === 'fresh'
        ? new Response(null, { status: 204 })
        : problemResponse(403, { title: 'Bad CSRF token', status: 403 });
    });
    setCsrfToken('stale');
    await expect(request('POST', '/api/v1/auth/logout')).resolves.toBeUndefined();
    expect(seen).toEqual(['stale', 'fresh']);
  });

  it('is the answer when the token was already current', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', async (url: string) => {
      calls += 1;
      if (url === '/api/v1/me') return new Response('{"csrf_token":"same"}', { status: 200 });
      return problemResponse(403, { title: 'Forbidden', status: 403 });
    });
    setCsrfToken('same');
    const error = (await request('DELETE', '/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(calls).toBe(2);
  });
});

describe('a request with a token of its own (the review page)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it("sends its token, never the signed-in session's, and reads the same answers", async () => {
    const fetchMock = vi.fn(async () => new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('session-token');
    const response = await sendRequest('POST', '/api/v1/review/s/decision', {
      body: { a: 1 },
      csrfToken: 'link-token',
    });
    await expect(readAnswer(response)).resolves.toEqual({ ok: true });
    const [, init] = (fetchMock.mock.calls as unknown as [string, RequestInit][])[0]!;
    expect(init.headers).toMatchObject({ 'X-CSRF-Token': 'link-token' });
  });

  it('throws the problem of an error answer', async () => {
    const answer = problemResponse(401, { title: 'Unauthorized', password_required: true });
    const error = (await readAnswer(answer).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(error.extra).toEqual({ password_required: true });
  });
});

/** A stand-in for the browser's XMLHttpRequest: each test says how the server answers. */
class FakeXhr {
  static answer: (xhr: FakeXhr) => {
    status: number;
    body: string;
    headers?: Record<string, string>;
  } = () => ({ status: 201, body: '{}' });
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  withCredentials = false;
  status = 0;
  statusText = '';
  responseText = '';
  private responseHeaders: Record<string, string> = {};
  private listeners = new Map<string, (() => void)[]>();
  private uploadListeners: ((event: {
    loaded: number;
    total: number;
    lengthComputable: boolean;
  }) => void)[] = [];
  upload = {
    addEventListener: (_kind: string, listener: (typeof this.uploadListeners)[number]) =>
      this.uploadListeners.push(listener),
  };
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null;
  }
  addEventListener(kind: string, listener: () => void) {
    this.listeners.set(kind, [...(this.listeners.get(kind) ?? []), listener]);
  }
  private fire(kind: string) {
    for (const listener of this.listeners.get(kind) ?? []) listener();
  }
  abort() {
    this.fire('abort');
  }
  send(body: Blob) {
    this.body = body;
    FakeXhr.sent.push(this);
    queueMicrotask(() => {
      for (const listener of this.uploadListeners) {
        listener({ loaded: Math.floor(body.size / 2), total: body.size, lengthComputable: true });
      }
      const answer = FakeXhr.answer(this);
      if (answer.status === 0) {
        this.fire('error');
        return;
      }
      this.status = answer.status;
      this.responseText = answer.body;
      this.responseHeaders = answer.headers ?? {};
      this.fire('load');
    });
  }
}

describe('uploadRaw', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    FakeXhr.sent = [];
  });
  const file = new File(['0123456789'], 'visual.png', { type: 'image/png' });

  it('posts the raw bytes with their type and the CSRF token, reporting progress', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = () => ({ status: 201, body: '{"id":"a1"}' });
    setCsrfToken('tok');
    const progress: number[] = [];
    const answer = await uploadRaw<{ id: string }>('/api/v1/contents/c1/attachments?name=v', file, {
      onProgress: ({ loaded }) => progress.push(loaded),
    });
    expect(answer).toEqual({ id: 'a1' });
    const [xhr] = FakeXhr.sent;
    expect(xhr!.method).toBe('POST');
    expect(xhr!.body).toBe(file);
    expect(xhr!.headers).toMatchObject({ 'Content-Type': 'image/png', 'X-CSRF-Token': 'tok' });
    expect(progress).toEqual([5, 10]);
  });

  it('sends a file of unknown type as bytes', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = () => ({ status: 201, body: '{}' });
    await uploadRaw('/x', new Blob(['a']));
    expect(FakeXhr.sent[0]!.headers['Content-Type']).toBe('application/octet-stream');
  });

  it('throws the problem of a refusal, with its status', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = () => ({
      status: 413,
      body: '{"title":"Too large","status":413,"limit":100}',
    });
    const error = (await uploadRaw('/x', file).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(413);
    expect(error.extra).toEqual({ limit: 100 });
  });

  it('says a network failure as status 0', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = () => ({ status: 0, body: '' });
    const error = (await uploadRaw('/x', file).catch((e: unknown) => e)) as ApiError;
    expect(error.isNetworkError).toBe(true);
  });

  it('stops when its signal aborts', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const controller = new AbortController();
    controller.abort();
    const error = (await uploadRaw('/x', file, { signal: controller.signal }).catch(
      (e: unknown) => e,
    )) as DOMException;
    expect(error.name).toBe('AbortError');
    expect(FakeXhr.sent).toEqual([]);
  });

  it('asks once more with a fresh CSRF token after a 403', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    vi.stubGlobal('fetch', async () => new Response('{"csrf_token":"fresh"}', { status: 200 }));
    FakeXhr.answer = (xhr) =>
      xhr.headers['X-CSRF-Token'] === 'fresh'
        ? { status: 201, body: '{"ok":true}' }
        : { status: 403, body: '{"title":"Bad CSRF token"}' };
    setCsrfToken('stale');
    await expect(uploadRaw('/x', file)).resolves.toEqual({ ok: true });
    expect(FakeXhr.sent.map((x) => x.headers['X-CSRF-Token'])).toEqual(['stale', 'fresh']);
  });

  it("sends the review page's own token when given one", async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = () => ({ status: 201, body: '{}' });
    setCsrfToken('session');
    await uploadRaw('/x', file, { csrfToken: 'link' });
    expect(FakeXhr.sent[0]!.headers['X-CSRF-Token']).toBe('link');
  });
});
