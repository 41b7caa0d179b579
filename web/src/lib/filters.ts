// The contents list's filters and sort, kept in the page's URL so a filtered list can be
// bookmarked, shared, reloaded and walked back with the browser's Back button.

export const multiFilters = [
  'type',
  'channel',
  'tag',
  'owner',
  'assignee',
  'project',
  'language',
] as const;
export type MultiFilter = (typeof multiFilters)[number];

export const dateFilters = ['publish', 'due', 'updated'] as const;
export type DateFilter = (typeof dateFilters)[number];

export const sortKeys = ['updated', 'created', 'publish_at', 'due_at', 'title'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortOrder = 'asc' | 'desc';

export interface DateRange {
  /** A calendar day, YYYY-MM-DD, included. */
  from: string | null;
  to: string | null;
}

export interface ListFilters {
  multi: Record<MultiFilter, string[]>;
  dates: Record<DateFilter, DateRange>;
  archived: boolean;
  sort: SortKey;
  order: SortOrder;
}

/** The order each sort starts in when its column is first chosen: newest or A→Z. */
export function defaultOrder(sort: SortKey): SortOrder {
  return sort === 'title' || sort === 'publish_at' || sort === 'due_at' ? 'asc' : 'desc';
}

export function emptyFilters(): ListFilters {
  return {
    multi: Object.fromEntries(multiFilters.map((name) => [name, []])) as unknown as Record<
      MultiFilter,
      string[]
    >,
    dates: Object.fromEntries(
      dateFilters.map((name) => [name, { from: null, to: null }]),
    ) as unknown as Record<DateFilter, DateRange>,
    archived: false,
    sort: 'updated',
    order: 'desc',
  };
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  if (value === null || !dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isSortKey(value: string | null): value is SortKey {
  return value !== null && (sortKeys as readonly string[]).includes(value);
}

/** Reads the filters from a URL's query; anything unknown or malformed is left out. */
export function parseFilters(search: URLSearchParams | string): ListFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const name of multiFilters) {
    const values = params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    filters.multi[name] = [...new Set(values)];
  }
  for (const name of dateFilters) {
    const from = params.get(`${name}_from`);
    const to = params.get(`${name}_to`);
    filters.dates[name] = { from: isDay(from) ? from : null, to: isDay(to) ? to : null };
  }
  filters.archived = params.get('archived') === 'true';
  const sort = params.get('sort');
  if (isSortKey(sort)) filters.sort = sort;
  const order = params.get('order');
  filters.order = order === 'asc' || order === 'desc' ? order : defaultOrder(filters.sort);
  return filters;
}

/** Writes the filters as a URL query: stable order, defaults left out, so equal filters give
 * equal URLs. */
export function filtersToSearch(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of multiFilters) {
    for (const value of filters.multi[name]) params.append(name, value);
  }
  for (const name of dateFilters) {
    const { from, to } = filters.dates[name];
    if (from) params.set(`${name}_from`, from);
    if (to) params.set(`${name}_to`, to);
  }
  if (filters.archived) params.set('archived', 'true');
  if (filters.sort !== 'updated') params.set('sort', filters.sort);
  if (filters.order !== defaultOrder(filters.sort)) params.set('order', filters.order);
  return params;
}

/** Midnight starting a calendar day in the given time zone offset, as an ISO instant. */
function dayStart(day: string, nextDay = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (nextDay ? 1 : 0)).toISOString();
}

/**
 * The API's query for the filters. Days are the user's own: "to 3 March" means up to the end of
 * that day where the user is, so the bounds go out as instants.
 */
export function filtersToApiQuery(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const name of multiFilters) {
    for (const value of filters.multi[name]) params.append(name, value);
  }
  for (const name of dateFilters) {
    const { from, to } = filters.dates[name];
    if (from) params.set(`${name}_from`, dayStart(from));
    if (to) params.set(`${name}_to`, new Date(Date.parse(dayStart(to, true)) - 1).toISOString());
  }
  if (filters.archived) params.set('archived', 'true');
  params.set('sort', filters.sort);
  params.set('order', filters.order);
  return params.toString();
}

/** How many filters are set (for "Clear filters (3)"). */
export function activeFilterCount(filters: ListFilters): number {
  let count = 0;
  for (const name of multiFilters) count += filters.multi[name].length > 0 ? 1 : 0;
  for (const name of dateFilters) {
    const range = filters.dates[name];
    count += range.from || range.to ? 1 : 0;
  }
  return count + (filters.archived ? 1 : 0);
}

/** Clicking a column header: the same column flips its order, another starts in its default. */
export function toggleSort(filters: ListFilters, sort: SortKey): ListFilters {
  if (filters.sort === sort) {
    return { ...filters, order: filters.order === 'asc' ? 'desc' : 'asc' };
  }
  return { ...filters, sort, order: defaultOrder(sort) };
}
