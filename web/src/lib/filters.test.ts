import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  emptyFilters,
  filtersToApiQuery,
  filtersToSearch,
  parseFilters,
  toggleSort,
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
