import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchQuery, type SearchResults } from './search';

function answer(total: number): SearchResults {
  return {
    total,
    items: [],
    facets: { type: {}, status: {}, channel: {}, tag: {}, owner: {}, language: {} },
  };
}

const acme = { id: 'w1', slug: 'acme' };

afterEach(() => vi.unstubAllGlobals());

describe('as-you-type search', () => {
  it('aborts the request for words no longer on screen, and shows only the latest answer', async () => {
    const requests: { url: string; signal: AbortSignal; reply: (total: number) => void }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (url: string, init: RequestInit) =>
          new Promise<Response>((resolve, reject) => {
            const signal = init.signal!;
            signal.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
            requests.push({
              url,
              signal,
              reply: (total) => resolve(new Response(JSON.stringify(answer(total)))),
            });
          }),
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const observer = new QueryObserver(client, searchQuery(acme, 'q=chau'));
    const seen: (number | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data?.total));
    await vi.waitFor(() => expect(requests).toHaveLength(1));

    // The person typed on: the first question is dropped, the second one answered.
    observer.setOptions(searchQuery(acme, 'q=chaudiere'));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[0]!.signal.aborted).toBe(true);
    expect(requests[1]!.signal.aborted).toBe(false);
    expect(requests[1]!.url).toBe('/api/v1/workspaces/w1/search?q=chaudiere');
    requests[0]!.reply(99); // too late: aborted
    requests[1]!.reply(3);
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.total).toBe(3));
    expect(seen).not.toContain(99);
    unsubscribe();
  });
});
