// One filter model for every screen that narrows the workspace's contents — the list, the search
// results, the board — and for the saved views that remember them. It lives in the page's URL so
// a filtered screen can be bookmarked, shared, reloaded and walked back with the Back button.
// Each screen asks its own endpoint: `filtersToApiQuery` for the list and the board's columns,
// `filtersToSearchApiQuery` for search; `filtersToView` / `viewToFilters` for saved views.

export const multiFilters = [
  'type',
  'status',
  'channel',
  'tag',
  'owner',
  'assignee',
  'project',
  'language',
  'publication',
  'translation',
] as const;
export type MultiFilter = (typeof multiFilters)[number];

export const dateFilters = ['publish', 'due', 'updated'] as const;
export type DateFilter = (typeof dateFilters)[number];

/** The date filters search and saved views understand (the index keeps no due date range). */
export const searchDateFilters = ['publish', 'updated'] as const satisfies readonly DateFilter[];

export const sortKeys = [
  'relevance',
  'updated',
  'created',
  'publish_at',
  'due_at',
  'title',
] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortOrder = 'asc' | 'desc';

export interface DateRange {
  /** A calendar day, YYYY-MM-DD, included. */
  from: string | null;
  to: string | null;
}

export interface ListFilters {
  /** Words to search for; only search results use them. */
  q: string;
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

/** Words are sorted by relevance unless asked otherwise; a plain list, newest first. */
export function defaultSort(q: string): SortKey {
  return q.trim() === '' ? 'updated' : 'relevance';
}

export function emptyFilters(): ListFilters {
  return {
    q: '',
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
  filters.q = params.get('q') ?? '';
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
  filters.sort = isSortKey(sort) ? sort : defaultSort(filters.q);
  const order = params.get('order');
  filters.order = order === 'asc' || order === 'desc' ? order : defaultOrder(filters.sort);
  return filters;
}

/** Writes the filters as a URL query: stable order, defaults left out, so equal filters give
 * equal URLs. */
export function filtersToSearch(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== '') params.set('q', filters.q);
  for (const name of multiFilters) {
    for (const value of filters.multi[name]) params.append(name, value);
  }
  for (const name of dateFilters) {
    const { from, to } = filters.dates[name];
    if (from) params.set(`${name}_from`, from);
    if (to) params.set(`${name}_to`, to);
  }
  if (filters.archived) params.set('archived', 'true');
  if (filters.sort !== defaultSort(filters.q)) params.set('sort', filters.sort);
  if (filters.order !== defaultOrder(filters.sort)) params.set('order', filters.order);
  return params;
}

/** Midnight starting a calendar day in the user's time zone, as an ISO instant. */
function dayStart(day: string, nextDay = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (nextDay ? 1 : 0)).toISOString();
}

/** The last millisecond of a calendar day in the user's time zone, as an ISO instant. */
function dayEnd(day: string): string {
  return new Date(Date.parse(dayStart(day, true)) - 1).toISOString();
}

// Days are the user's own: "to 3 March" means up to the end of that day where the user is, so
// the bounds go out as instants.
function appendDates(params: URLSearchParams, filters: ListFilters, names: readonly DateFilter[]) {
  for (const name of names) {
    const { from, to } = filters.dates[name];
    if (from) params.set(`${name}_from`, dayStart(from));
    if (to) params.set(`${name}_to`, dayEnd(to));
  }
}

/** The contents list endpoint's query for the filters (it has no words, nor relevance). */
export function filtersToApiQuery(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const name of multiFilters) {
    for (const value of filters.multi[name]) params.append(name, value);
  }
  appendDates(params, filters, dateFilters);
  if (filters.archived) params.set('archived', 'true');
  const relevance = filters.sort === 'relevance';
  params.set('sort', relevance ? 'updated' : filters.sort);
  params.set('order', relevance ? 'desc' : filters.order);
  return params.toString();
}

/**
 * Search's sort for the filters' sort: relevance, updated (always newest first) or publication
 * ("-" for latest first). Sorts search does not have fall back to relevance.
 */
export function searchSort(filters: ListFilters): string {
  if (filters.sort === 'updated') return 'updated';
  if (filters.sort === 'publish_at') return filters.order === 'desc' ? '-publish_at' : 'publish_at';
  return 'relevance';
}

/** The search endpoint's query for the filters, without paging. */
export function filtersToSearchApiQuery(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim() !== '') params.set('q', filters.q);
  for (const name of multiFilters) {
    for (const value of filters.multi[name]) params.append(name, value);
  }
  appendDates(params, filters, searchDateFilters);
  if (filters.archived) params.set('archived', 'true');
  params.set('sort', searchSort(filters));
  return params.toString();
}

/** How many filters are set (for "Clear filters (3)"); the words are not a filter. */
export function activeFilterCount(filters: ListFilters): number {
  let count = 0;
  for (const name of multiFilters) count += filters.multi[name].length > 0 ? 1 : 0;
  for (const name of dateFilters) {
    const range = filters.dates[name];
    count += range.from || range.to ? 1 : 0;
  }
  return count + (filters.archived ? 1 : 0);
}

/** Only words, in their default order (by relevance). */
export function filtersForWords(q: string): ListFilters {
  const sort = defaultSort(q);
  return { ...emptyFilters(), q, sort, order: defaultOrder(sort) };
}

/**
 * New words typed over the filters. A sort the person did not choose follows the words: typed
 * words are ranked by relevance, cleared words go back to newest first; a chosen sort stays.
 */
export function withWords(filters: ListFilters, q: string): ListFilters {
  const chosen =
    filters.sort !== defaultSort(filters.q) || filters.order !== defaultOrder(filters.sort);
  if (chosen) return { ...filters, q };
  const sort = defaultSort(q);
  return { ...filters, q, sort, order: defaultOrder(sort) };
}

/** The same filters with none set: words and sort kept. */
export function clearFilters(filters: ListFilters): ListFilters {
  return { ...emptyFilters(), q: filters.q, sort: filters.sort, order: filters.order };
}

/** Clicking a column header: the same column flips its order, another starts in its default. */
export function toggleSort(filters: ListFilters, sort: SortKey): ListFilters {
  if (filters.sort === sort) {
    return { ...filters, order: filters.order === 'asc' ? 'desc' : 'asc' };
  }
  return { ...filters, sort, order: defaultOrder(sort) };
}

/** The same filters with one filter's values replaced (a board column: its status only). */
export function withValues(filters: ListFilters, name: MultiFilter, values: string[]): ListFilters {
  return { ...filters, multi: { ...filters.multi, [name]: values } };
}

/** Adds a value to a filter, or takes it out when it is there ("any of" within a filter). */
export function toggleValue(filters: ListFilters, name: MultiFilter, value: string): ListFilters {
  const values = filters.multi[name];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...filters, multi: { ...filters.multi, [name]: next } };
}

// ---- saved views ---------------------------------------------------------------------------

/** What a saved view keeps, as the views endpoint says it. */
export interface ViewQuery {
  q: string;
  /** type, status… → values; publish_from… → a day; archived → true. */
  filters: Record<string, string[] | string | boolean>;
  /** relevance, updated, publish_at; "-" first for descending. */
  sort: string;
}

/**
 * The view to save for the filters. Views keep what search understands: a due-date range and
 * the list's title or creation sort are not kept.
 */
export function filtersToView(filters: ListFilters): ViewQuery {
  const out: ViewQuery['filters'] = {};
  for (const name of multiFilters) {
    if (filters.multi[name].length > 0) out[name] = [...filters.multi[name]];
  }
  for (const name of searchDateFilters) {
    const { from, to } = filters.dates[name];
    if (from) out[`${name}_from`] = from;
    if (to) out[`${name}_to`] = to;
  }
  if (filters.archived) out.archived = true;
  return { q: filters.q, filters: out, sort: searchSort(filters) };
}

/** The filters a saved view opens with. Unknown filters are left out. */
export function viewToFilters(view: ViewQuery): ListFilters {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  for (const name of multiFilters) {
    const values = view.filters[name];
    if (Array.isArray(values)) for (const value of values) params.append(name, value);
  }
  for (const name of searchDateFilters) {
    for (const end of ['from', 'to'] as const) {
      const value = view.filters[`${name}_${end}`];
      // Views saved through the API may hold instants: their day is what the screens filter on.
      if (typeof value === 'string') params.set(`${name}_${end}`, value.slice(0, 10));
    }
  }
  if (view.filters.archived === true) params.set('archived', 'true');
  const descending = view.sort.startsWith('-');
  const sort = descending ? view.sort.slice(1) : view.sort;
  if (sort === 'updated') params.set('sort', 'updated');
  if (sort === 'publish_at') {
    params.set('sort', 'publish_at');
    params.set('order', descending ? 'desc' : 'asc');
  }
  return parseFilters(params);
}

/** The screens that show a workspace's contents through the filters. */
export type FilterScreen = 'contents' | 'board' | 'search';

/** Whether only the search results can show the filters: words, or an order by relevance. */
export function needsSearch(filters: ListFilters): boolean {
  return filters.q.trim() !== '' || filters.sort === 'relevance';
}

/**
 * Where a view's filters are shown: the screen it was saved from (`preferred`) when that screen
 * can show them all, else the search results when they need search, else the list.
 */
export function screenFor(filters: ListFilters, preferred?: FilterScreen): FilterScreen {
  if (needsSearch(filters)) return 'search';
  return preferred ?? 'contents';
}

/** The path a saved view opens, in workspace `slug`, on `preferred` when it can show it. */
export function viewPath(slug: string, view: ViewQuery, preferred?: FilterScreen): string {
  const filters = viewToFilters(view);
  const query = filtersToSearch(filters).toString();
  const screen = screenFor(filters, preferred);
  return `/w/${encodeURIComponent(slug)}/${screen}${query ? `?${query}` : ''}`;
}
