import type { TranslationKey } from '../i18n/keys';

// The workspace activity's filters, as the page's URL holds them and as the API reads them
// (GET /workspaces/{ws}/activity: kind prefix, actor id, from/to times, `to` exclusive).

export interface ActivityFilters {
  /** A kind prefix the API matches ("approval."), or '' for every event. */
  kind: string;
  /** The user id of the person who acted, or ''. */
  actor: string;
  /** First day shown, YYYY-MM-DD in the user's time zone, or ''. */
  from: string;
  /** Last day shown (included), YYYY-MM-DD, or ''. */
  to: string;
}

/** The kinds a person filters by, and their names. */
export const activityKinds = [
  { value: '', label: 'activity_page.kind_all' },
  { value: 'content.created', label: 'activity_page.kind_created' },
  { value: 'content.updated', label: 'activity_page.kind_edits' },
  { value: 'content.status_changed', label: 'activity_page.kind_moves' },
  { value: 'approval.', label: 'activity_page.kind_approvals' },
] as const satisfies readonly { value: string; label: TranslationKey }[];

const day = /^\d{4}-\d{2}-\d{2}$/;

export function readActivityFilters(params: URLSearchParams): ActivityFilters {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return day.test(value) ? value : '';
  };
  return {
    kind: params.get('kind') ?? '',
    actor: params.get('actor') ?? '',
    ...{ from: date('from'), to: date('to') },
  };
}

/** The filters as the page's URL keeps them: only those set. */
export function activityFilterParams(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return params;
}

/** Midnight starting a local calendar day, as an RFC 3339 time; `plusDays` moves it on. */
function localMidnight(date: string, plusDays = 0): string {
  const [year, month, dayOfMonth] = date.split('-').map(Number);
  return new Date(year!, month! - 1, dayOfMonth! + plusDays).toISOString();
}

/**
 * The API's query for the filters. Days are the user's: "from 3 March" starts at their midnight,
 * and "to 5 March" includes that whole day (the API's `to` is exclusive).
 */
export function activityApiQuery(filters: ActivityFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.from) params.set('from', localMidnight(filters.from));
  if (filters.to) params.set('to', localMidnight(filters.to, 1));
  return params.toString();
}
