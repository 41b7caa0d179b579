import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  clearFilters,
  filtersForWords,
  emptyFilters,
  filtersToApiQuery,
  filtersToSearch,
  filtersToSearchApiQuery,
  filtersToView,
  parseFilters,
  screenFor,
  toggleSort,
  toggleValue,
  viewPath,
  withValues,
  withWords,
  viewToFilters,
} from './filters';

describe('URL filter state', () => {
  it('reads repeated and comma-separated values, without duplicates', () => {
    const filters = parseFilters('?type=article&type=social_post&channel=a,b&channel=a&tag=winter');
    expect(filters.multi.type).toEqual(['article', 'social_post']);
    expect(filters.multi.channel).toEqual(['a', 'b']);
    expect(filters.multi.tag).toEqual(['winter']);
    expect(filters.multi.owner).toEqual([]);
  });

  it('keeps only real calendar days and known sorts', () => {
    const filters = parseFilters(
      'publish_from=2025-02-30&publish_to=2025-03-01&sort=evil&order=up',
    );
    expect(filters.dates.publish).toEqual({ from: null, to: '2025-03-01' });
    expect(filters.sort).toBe('updated');
    expect(filters.order).toBe('desc');
  });

  it('round-trips through the URL, leaving defaults out', () => {
    expect(filtersToSearch(emptyFilters()).toString()).toBe('');
    const search =
      'type=article&tag=winter&tag=safety&due_from=2025-01-01&due_to=2025-01-31&archived=true&sort=title&order=desc';
    const filters = parseFilters(search);
    expect(filtersToSearch(filters).toString()).toBe(search);
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
  });

  it('gives equal URLs for equal filters, whatever order they were typed in', () => {
    const a = filtersToSearch(parseFilters('tag=x&type=article')).toString();
    const b = filtersToSearch(parseFilters('type=article&tag=x')).toString();
    expect(a).toBe(b);
  });

  it('sorts by a column, then flips it', () => {
    let filters = toggleSort(emptyFilters(), 'title');
    expect([filters.sort, filters.order]).toEqual(['title', 'asc']);
    filters = toggleSort(filters, 'title');
    expect([filters.sort, filters.order]).toEqual(['title', 'desc']);
    filters = toggleSort(filters, 'updated');
    expect([filters.sort, filters.order]).toEqual(['updated', 'desc']);
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount(emptyFilters())).toBe(0);
    expect(
      activeFilterCount(parseFilters('type=a&type=b&updated_to=2025-01-01&archived=true')),
    ).toBe(3);
  });

  it('asks the API for whole local days, with the sort spelled out', () => {
    const query = new URLSearchParams(
      filtersToApiQuery(parseFilters('publish_from=2025-03-01&publish_to=2025-03-01&owner=u1')),
    );
    const from = new Date(query.get('publish_from')!);
    const to = new Date(query.get('publish_to')!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([
      2025, 2, 1, 0,
    ]);
    expect(to.getTime() - from.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(query.getAll('owner')).toEqual(['u1']);
    expect(query.get('sort')).toBe('updated');
    expect(query.get('order')).toBe('desc');
  });
});

describe('one model for the list, search results and saved views', () => {
  it('keeps the words in the URL, sorted by relevance unless asked otherwise', () => {
    const filters = parseFilters('q=citernes+hiver&status=s1&type=article');
    expect(filters.q).toBe('citernes hiver');
    expect(filters.multi.status).toEqual(['s1']);
    expect(filters.sort).toBe('relevance');
    expect(filtersToSearch(filters).toString()).toBe('q=citernes+hiver&type=article&status=s1');
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
    const byDate = parseFilters('q=gaz&sort=updated');
    expect(filtersToSearch(byDate).toString()).toBe('q=gaz&sort=updated');
    // Without words there is nothing to rank: the list's newest first.
    expect(parseFilters('').sort).toBe('updated');
  });

  it('ranks words typed on the results page by relevance unless the person chose a sort', () => {
    // The Search page opened without words, then a query typed: no sort=updated in the URL.
    const typed = withWords(parseFilters('status=s1'), 'citernes');
    expect(typed.sort).toBe('relevance');
    expect(filtersToSearch(typed).toString()).toBe('q=citernes&status=s1');
    // Typing more, or clearing the words, keeps following the words.
    expect(filtersToSearch(withWords(typed, 'citernes hiver')).toString()).toBe(
      'q=citernes+hiver&status=s1',
    );
    expect(withWords(typed, '').sort).toBe('updated');
    expect(filtersToSearch(withWords(typed, '')).toString()).toBe('status=s1');
    // A sort the person chose stays what they chose.
    const byDate = withWords(parseFilters('q=gaz&sort=updated'), 'gaz naturel');
    expect(filtersToSearch(byDate).toString()).toBe('q=gaz+naturel&sort=updated');
    const byPublication = withWords(parseFilters('sort=publish_at'), 'gaz');
    expect(filtersToSearch(byPublication).toString()).toBe('q=gaz&sort=publish_at');
  });

  it('asks the list endpoint only what it understands: statuses, not words nor relevance', () => {
    const query = new URLSearchParams(
      filtersToApiQuery(parseFilters('q=gaz&status=s1&status=s2&tag=winter&sort=relevance')),
    );
    expect(query.has('q')).toBe(false);
    expect(query.getAll('status')).toEqual(['s1', 's2']);
    expect(query.getAll('tag')).toEqual(['winter']);
    expect([query.get('sort'), query.get('order')]).toEqual(['updated', 'desc']);
  });

  it('asks search for words, every facet, and the sorts it has', () => {
    const query = new URLSearchParams(
      filtersToSearchApiQuery(
        parseFilters('q=gaz&status=s1&status=s2&due_from=2025-01-01&updated_from=2025-01-01'),
      ),
    );
    expect(query.get('q')).toBe('gaz');
    expect(query.getAll('status')).toEqual(['s1', 's2']);
    expect(query.has('due_from')).toBe(false);
    expect(query.get('updated_from')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(query.get('sort')).toBe('relevance');
    const sortOf = (search: string) =>
      new URLSearchParams(filtersToSearchApiQuery(parseFilters(search))).get('sort');
    expect(sortOf('sort=publish_at')).toBe('publish_at');
    expect(sortOf('sort=publish_at&order=desc')).toBe('-publish_at');
    expect(sortOf('sort=updated')).toBe('updated');
    expect(sortOf('q=x&sort=title')).toBe('relevance');
    expect(new URLSearchParams(filtersToSearchApiQuery(parseFilters(''))).has('q')).toBe(false);
  });

  it('adds a facet value, then takes it out ("any of" within a facet)', () => {
    let filters = toggleValue(emptyFilters(), 'type', 'article');
    filters = toggleValue(filters, 'type', 'social_post');
    expect(filters.multi.type).toEqual(['article', 'social_post']);
    filters = toggleValue(filters, 'type', 'article');
    expect(filters.multi.type).toEqual(['social_post']);
  });

  it('ranks words alone by relevance, for the palette and its results page', () => {
    expect(filtersToSearch(filtersForWords('gaz')).toString()).toBe('q=gaz');
    expect(new URLSearchParams(filtersToSearchApiQuery(filtersForWords('gaz'))).get('sort')).toBe(
      'relevance',
    );
    expect(filtersForWords('gaz')).toEqual(parseFilters('q=gaz'));
  });

  it('clears the filters but keeps the words and the sort', () => {
    const cleared = clearFilters(parseFilters('q=gaz&tag=a&sort=updated&archived=true'));
    expect(filtersToSearch(cleared).toString()).toBe('q=gaz&sort=updated');
  });

  it('saves a view and opens it with the same filters', () => {
    const search =
      'q=gaz&type=article&status=s1&tag=winter&tag=safety&language=fr&publish_from=2025-03-01&publish_to=2025-03-31&archived=true&sort=publish_at&order=desc';
    const filters = parseFilters(search);
    const view = filtersToView(filters);
    expect(view).toEqual({
      q: 'gaz',
      filters: {
        type: ['article'],
        status: ['s1'],
        tag: ['winter', 'safety'],
        language: ['fr'],
        publish_from: '2025-03-01',
        publish_to: '2025-03-31',
        archived: true,
      },
      sort: '-publish_at',
    });
    // Through JSON, as the server keeps it.
    expect(viewToFilters(JSON.parse(JSON.stringify(view)))).toEqual(filters);
    for (const each of ['', 'tag=a&sort=updated', 'q=x', 'q=x&sort=updated', 'sort=publish_at']) {
      const f = parseFilters(each);
      expect(viewToFilters(filtersToView(f))).toEqual(f);
    }
  });

  it('keeps only what views hold: no due dates, no title sort', () => {
    const view = filtersToView(parseFilters('due_from=2025-01-01&sort=title&owner=u1'));
    expect(view).toEqual({ q: '', filters: { owner: ['u1'] }, sort: 'relevance' });
  });

  it('opens a view made elsewhere: instants as days, unknown filters left out', () => {
    const filters = viewToFilters({
      q: '',
      filters: { updated_from: '2025-02-01T10:00:00Z', colour: ['red'], tag: 'not-a-list' },
      sort: '-updated',
    });
    expect(filtersToSearch(filters).toString()).toBe('updated_from=2025-02-01');
  });

  it('opens a view on the list when the list can show it, on the results otherwise', () => {
    expect(screenFor(parseFilters('tag=a&sort=publish_at'))).toBe('contents');
    expect(screenFor(parseFilters('status=s1'))).toBe('contents');
    expect(screenFor(parseFilters('q=gaz'))).toBe('search');
    expect(screenFor(parseFilters('sort=relevance'))).toBe('search');
    expect(viewPath('acme', { q: '', filters: { tag: ['gaz'] }, sort: 'relevance' })).toBe(
      '/w/acme/contents?tag=gaz',
    );
    expect(viewPath('ac me', { q: 'gaz', filters: {}, sort: 'updated' })).toBe(
      '/w/ac%20me/search?q=gaz&sort=updated',
    );
  });

  it('opens a view where it was saved when that screen can show it', () => {
    const statusView = { q: '', filters: { status: ['s1'] }, sort: 'updated' };
    expect(viewPath('acme', statusView, 'board')).toBe('/w/acme/board?status=s1');
    expect(viewPath('acme', statusView, 'search')).toBe('/w/acme/search?status=s1');
    expect(viewPath('acme', statusView)).toBe('/w/acme/contents?status=s1');
    // Words only search can show, wherever the view was saved.
    expect(viewPath('acme', { q: 'gaz', filters: {}, sort: 'relevance' }, 'board')).toBe(
      '/w/acme/search?q=gaz',
    );
  });

  it('narrows the filters to one status, for a board column', () => {
    const filters = parseFilters('status=s1&status=s2&type=article');
    const column = new URLSearchParams(filtersToApiQuery(withValues(filters, 'status', ['s2'])));
    expect(column.getAll('status')).toEqual(['s2']);
    expect(column.getAll('type')).toEqual(['article']);
    expect(filters.multi.status).toEqual(['s1', 's2']);
  });
});

describe('the publication state (issue 16)', () => {
  it('narrows the list, search and a saved view alike', () => {
    const filters = parseFilters('publication=late&publication=planned&channel=c1');
    expect(filters.multi.publication).toEqual(['late', 'planned']);
    expect(filtersToApiQuery(filters)).toContain('publication=late&publication=planned');
    expect(filtersToSearchApiQuery(filters)).toContain('publication=late&publication=planned');
    const view = filtersToView(filters);
    expect(view.filters.publication).toEqual(['late', 'planned']);
    expect(viewToFilters(view).multi.publication).toEqual(['late', 'planned']);
    expect(activeFilterCount(filters)).toBe(2);
  });
});
