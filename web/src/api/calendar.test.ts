import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarQuery, freshContent, reschedule } from './calendar';
import { ApiError, isApiError, setCsrfToken } from './client';
import { markPublished, planChannel, unmarkPublished } from './publications';
import { calendarFilterQuery } from '../lib/calendar';
import { parseFilters } from '../lib/filters';

// The calendar's and the publication panel's requests, stubbed at fetch: the method, the path and
// the body each move sends, and what a stale one answers.

interface Sent {
  method: string;
  url: string;
  body: unknown;
  csrf: string | undefined;
}

function stubFetch(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      const one = {
        method: init.method ?? 'GET',
        url,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        csrf: headers['X-CSRF-Token'],
      };
      sent.push(one);
      return answer(one);
    }),
  );
  return sent;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the calendar’s range', () => {
  it('asks once for the range shown, with the list’s filters and no sort nor archived', async () => {
    const sent = stubFetch(() => json({ from: 'a', to: 'b', entries: [] }));
    const filters = parseFilters(
      'channel=c1&channel=c2&status=s1&publication=late&archived=true&sort=title&publish_from=2026-12-01',
    );
    const query = calendarFilterQuery(filters);
    expect(query).toBe('status=s1&channel=c1&channel=c2&publication=late');
    const from = '2026-11-29T23:00:00.000Z';
    const to = '2027-01-03T23:00:00.000Z';
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const observer = new QueryObserver(client, calendarQuery('acme', from, to, query));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const url = new URL(sent[0]!.url, 'http://x');
    expect(url.pathname).toBe('/api/v1/workspaces/acme/calendar');
    expect(url.searchParams.get('from')).toBe(from);
    expect(url.searchParams.get('to')).toBe(to);
    expect(url.searchParams.getAll('channel')).toEqual(['c1', 'c2']);
    expect(url.searchParams.get('publication')).toBe('late');
    expect(url.searchParams.has('sort')).toBe(false);
    expect(url.searchParams.has('archived')).toBe(false);
    unsubscribe();
  });
});

describe('a move', () => {
  it('of an entry that follows the content’s date changes publish_at, based on its version', async () => {
    setCsrfToken('token');
    const sent = stubFetch(() => json({ id: 'k1', version: 8 }));
    await reschedule({ content: 'k1', channel: null, at: '2026-12-10T08:00:00.000Z', version: 7 });
    expect(sent).toEqual([
      {
        method: 'PATCH',
        url: '/api/v1/contents/k1',
        body: { publish_at: '2026-12-10T08:00:00.000Z', base_version: 7 },
        csrf: 'token',
      },
    ]);
  });

  it('of a channel with its own date changes that channel’s date only', async () => {
    const sent = stubFetch(() => json({ id: 'k1', version: 8 }));
    await reschedule({
      content: 'k1',
      channel: 'linked in',
      at: '2026-12-11T08:00:00.000Z',
      version: 7,
    });
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: '/api/v1/contents/k1/publications/linked%20in',
      body: { planned_at: '2026-12-11T08:00:00.000Z', version: 7 },
    });
  });

  it('on a stale version is refused with the conflict the calendar explains', async () => {
    stubFetch(() =>
      json(
        {
          type: '/problems/conflict',
          title: 'Conflict',
          status: 409,
          conflicts: [
            { field: 'publish_at', base: 'a', current: '2026-12-15T08:00:00Z', proposed: 'b' },
          ],
          current_version: 9,
        },
        409,
      ),
    );
    const refused = await reschedule({ content: 'k1', channel: null, at: 'b', version: 7 }).catch(
      (error: unknown) => error,
    );
    expect(isApiError(refused, 409)).toBe(true);
    expect((refused as ApiError).extra.current_version).toBe(9);
  });

  it('is tried again on the version the content has now', async () => {
    const sent = stubFetch((one) =>
      one.method === 'GET' ? json({ id: 'k1', version: 9 }) : json({ id: 'k1', version: 10 }),
    );
    const fresh = await freshContent('k1');
    await reschedule({ content: 'k1', channel: null, at: 'b', version: fresh.version });
    expect(sent.map((one) => [one.method, one.body])).toEqual([
      ['GET', undefined],
      ['PATCH', { publish_at: 'b', base_version: 9 }],
    ]);
  });
});

describe('the publication panel', () => {
  it('sets a channel’s own date, and clears it to follow the content again', async () => {
    const sent = stubFetch(() => json({ id: 'k1', version: 3 }));
    await planChannel('k1', 'c1', '2026-12-12T09:00:00.000Z', 2);
    await planChannel('k1', 'c1', null, 3);
    expect(sent.map((one) => [one.method, one.url, one.body])).toEqual([
      [
        'PUT',
        '/api/v1/contents/k1/publications/c1',
        { planned_at: '2026-12-12T09:00:00.000Z', version: 2 },
      ],
      ['PUT', '/api/v1/contents/k1/publications/c1', { planned_at: null, version: 3 }],
    ]);
  });

  it('marks a channel published with its time and address, and undoes the mark', async () => {
    const sent = stubFetch(() => json({ id: 'k1', version: 3 }));
    await markPublished('k1', 'c1', {
      published_at: '2026-12-07T10:00:00.000Z',
      url: 'https://www.linkedin.com/feed/update/1',
    });
    await markPublished('k1', 'c1', {});
    await unmarkPublished('k1', 'c1');
    expect(sent.map((one) => [one.method, one.url, one.body])).toEqual([
      [
        'POST',
        '/api/v1/contents/k1/publications/c1/published',
        { published_at: '2026-12-07T10:00:00.000Z', url: 'https://www.linkedin.com/feed/update/1' },
      ],
      ['POST', '/api/v1/contents/k1/publications/c1/published', {}],
      ['DELETE', '/api/v1/contents/k1/publications/c1/published', undefined],
    ]);
  });
});
