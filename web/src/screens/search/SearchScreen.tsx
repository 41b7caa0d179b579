import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  facetNames,
  useSearches,
  useSearchPages,
  type FacetName,
  type SearchResults,
} from '../../api/search';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { debounce } from '../../lib/debounce';
import { genericErrorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import {
  activeFilterCount,
  filtersToSearch,
  filtersToSearchApiQuery,
  parseFilters,
  searchDateFilters,
  toggleValue,
  type ListFilters,
  type SortKey,
  type SortOrder,
  withWords,
} from '../../lib/filters';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { isStaff } from '../../lib/sharing';
import { FilterBar } from '../contents/FilterBar';
import { SaveViewButton } from '../views/SaveViewButton';
import { useSearchLabels, type SearchLabels } from './labels';
import { HitSummary } from './SearchPalette';

/** A facet's values and how many contents found have each. */
type FacetCounts = SearchResults['facets'][FacetName];

/** An estimated count as people read one: two significant digits (1,237 → 1,200). */
export function roundEstimate(count: number): number {
  if (count < 100) return count;
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.round(count / unit) * unit;
}

/** Typing on the results page updates the URL (and the results) after this pause. */
const typingPauseMs = 250;

const sortChoices: { value: string; sort: SortKey; order: SortOrder }[] = [
  { value: 'relevance', sort: 'relevance', order: 'desc' },
  { value: 'updated', sort: 'updated', order: 'desc' },
  { value: 'publish_at', sort: 'publish_at', order: 'asc' },
  { value: '-publish_at', sort: 'publish_at', order: 'desc' },
];

/** /w/:slug/search?q=…: results with their facets as chips, sort, more, save as a view. */
export default function SearchScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { membership } = useShell();
  const workspace = membership.workspace;
  const slug = workspace.slug;
  const staff = isStaff(membership.role);
  const labels = useSearchLabels(slug, staff);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  // "Search instead for …": the words as typed, even when the server would correct them.
  const exact = searchParams.get('exact') === '1';
  useDocumentTitle(filters.q ? `${filters.q} · ${t('search.title')}` : t('search.title'));

  const setFilters = (next: ListFilters, replace = false) => {
    const params = filtersToSearch(next);
    if (exact && next.q === filters.q) params.set('exact', '1');
    setSearchParams(params, { replace });
  };

  const apiQuery = filtersToSearchApiQuery(filters);
  const pages = useSearchPages(workspace, apiQuery);
  const first = pages.data?.pages[0];
  const corrected = first?.corrected_query;
  // The server corrected words the person asked to keep: nothing matches them as typed.
  const hidden = exact && corrected !== undefined;
  const items = hidden ? [] : (pages.data?.pages.flatMap((page) => page.items) ?? []);
  const total = hidden ? 0 : (first?.total ?? 0);
  const totalEstimated = !hidden && first?.total_estimated === true;

  // "Any of" within a facet: a facet with values chosen counts its values as if it had none,
  // so the others can still be added.
  const chosen = facetNames.filter((name) => filters.multi[name].length > 0);
  const facetQueries = chosen.map(
    (name) =>
      `${filtersToSearchApiQuery({ ...filters, multi: { ...filters.multi, [name]: [] } })}&limit=1`,
  );
  const facetAnswers = useSearches(workspace, facetQueries);
  const facetSource = (name: FacetName): SearchResults | undefined => {
    const at = chosen.indexOf(name);
    return at >= 0 ? facetAnswers[at]?.data : first;
  };
  const facets = (name: FacetName): FacetCounts =>
    hidden ? {} : (facetSource(name)?.facets[name] ?? {});
  const facetsEstimated = (name: FacetName): boolean =>
    !hidden && facetSource(name)?.facets_estimated === true;

  return (
    <section className="page page-wide search-page">
      <div className="page-header">
        <h1>{t('search.title')}</h1>
        <SaveViewButton
          workspace={workspace}
          role={membership.role}
          filters={filters}
          screen="search"
        />
      </div>
      <SearchBox
        q={filters.q}
        onChange={(q) => setFilters(withWords(filters, q), true)}
        label={t('search.label')}
        placeholder={t('search.placeholder')}
      />
      {corrected !== undefined && !exact && (
        <p className="search-corrected">
          {t('search.corrected', { corrected })}
          {' — '}
          <Link to={`?${exactSearch(filters)}`}>
            {t('search.instead', { original: filters.q })}
          </Link>
        </p>
      )}
      <div className="search-layout">
        <aside className="facets" aria-label={t('search.facets')}>
          <FacetGroups
            filters={filters}
            facets={facets}
            estimated={facetsEstimated}
            onChange={setFilters}
            labels={labels}
          />
        </aside>
        <div className="search-results">
          <div className="search-toolbar">
            <p className="search-count" role="status">
              {pages.isSuccess &&
                (hidden
                  ? t('search.exact_none', { q: filters.q })
                  : totalEstimated
                    ? t('search_estimates.count_about', {
                        count: total,
                        shown: formatNumber(roundEstimate(total), locale),
                      })
                    : t('search.count', { count: total }))}
            </p>
            <label className="search-sort">
              {t('search.sort')}
              <select
                value={
                  sortChoices.find((c) => c.sort === filters.sort && c.order === filters.order)
                    ?.value ?? 'relevance'
                }
                onChange={(event) => {
                  const choice = sortChoices.find((c) => c.value === event.target.value)!;
                  setFilters({ ...filters, sort: choice.sort, order: choice.order });
                }}
              >
                <option value="relevance">{t('search.sort_relevance')}</option>
                <option value="updated">{t('search.sort_updated')}</option>
                <option value="publish_at">{t('search.sort_publish_asc')}</option>
                <option value="-publish_at">{t('search.sort_publish_desc')}</option>
              </select>
            </label>
          </div>
          <FilterBar
            filters={filters}
            onChange={setFilters}
            slug={slug}
            count={activeFilterCount(filters)}
            multi={
              staff
                ? ['assignee', 'project', 'publication', 'translation']
                : ['publication', 'translation']
            }
            dates={searchDateFilters}
          />
          {pages.isError && <Alert>{genericErrorMessage(t, pages.error)}</Alert>}
          <ol className="search-hits" aria-busy={pages.isFetching}>
            {items.map((hit) => (
              <li key={hit.id} className="search-hit">
                <Link to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(hit.id)}`}>
                  <HitSummary hit={hit} labels={labels} locale={locale} />
                </Link>
              </li>
            ))}
          </ol>
          {pages.isPending && <p className="muted">{t('common.loading')}</p>}
          {pages.hasNextPage && !hidden && (
            <div className="list-end">
              <button
                type="button"
                className="button button-quiet"
                onClick={() => void pages.fetchNextPage()}
                disabled={pages.isFetchingNextPage}
              >
                {pages.isFetchingNextPage ? t('common.loading') : t('search.more')}
              </button>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

/** The URL's query for the same words, kept as typed. */
function exactSearch(filters: ListFilters): string {
  const params = filtersToSearch(filters);
  params.set('exact', '1');
  return params.toString();
}

/** The words of the results page: results follow the typing, after a short pause. */
function SearchBox({
  q,
  onChange,
  label,
  placeholder,
}: {
  q: string;
  onChange: (q: string) => void;
  label: string;
  placeholder: string;
}) {
  const [text, setText] = useState(q);
  const sent = useRef(q);
  const change = useRef(onChange);
  change.current = onChange;
  const [typing] = useState(() =>
    debounce(typingPauseMs, (value: string) => {
      sent.current = value;
      change.current(value);
    }),
  );
  useEffect(() => typing.cancel, [typing]);
  // Words that come from elsewhere (Back, a saved view) replace the box's; the box's own, once
  // in the URL, do not come back over what was typed since.
  useEffect(() => {
    if (q !== sent.current) {
      sent.current = q;
      typing.cancel();
      setText(q);
    }
  }, [q, typing]);
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        typing.cancel();
        sent.current = text;
        onChange(text);
      }}
    >
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          typing.push(event.target.value);
        }}
      />
    </form>
  );
}

const facetLabel = {
  type: 'contents.filter_type',
  status: 'search.facet_status',
  channel: 'contents.filter_channel',
  tag: 'contents.filter_tag',
  owner: 'contents.filter_owner',
  language: 'contents.filter_language',
} as const satisfies Record<FacetName, string>;

/** Values shown per facet, beyond those chosen. */
const facetValuesShown = 10;

/** Each facet's values as chips with their counts: a click adds one, another takes it out. */
function FacetGroups({
  filters,
  facets,
  estimated,
  onChange,
  labels,
}: {
  filters: ListFilters;
  facets: (name: FacetName) => FacetCounts;
  /** Whether a facet's counts are estimates (shown as "about"). */
  estimated: (name: FacetName) => boolean;
  onChange: (filters: ListFilters) => void;
  labels: SearchLabels;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = (facet: FacetName, value: string): string => labelOf(facet, value) || value;
  const labelOf = (facet: FacetName, value: string): string => {
    switch (facet) {
      case 'type':
        return labels.type(value);
      case 'status':
        return labels.status(value);
      case 'channel':
        return labels.channel(value);
      case 'owner':
        return labels.owner(value);
      case 'language':
        return labels.language(value);
      case 'tag':
        return `#${value}`;
    }
  };
  // Types are kept in the URL by their key, like the list's; search counts them by id.
  const filterValue = (facet: FacetName, value: string) =>
    facet === 'type' ? labels.typeKey(value) : value;
  // Whether a value kept in the filters is this facet value (tags meet whatever their case).
  const same = (facet: FacetName, stored: string, value: string) =>
    stored === value ||
    stored === filterValue(facet, value) ||
    (facet === 'tag' && stored.toLowerCase() === value.toLowerCase());
  const isChosen = (facet: FacetName, value: string) =>
    filters.multi[facet].some((stored) => same(facet, stored, value));

  const groups = facetNames
    .map((facet) => {
      const counts = facets(facet);
      const entries = Object.entries(counts).sort(
        ([a, x], [b, y]) => y - x || nameOf(facet, a).localeCompare(nameOf(facet, b)),
      );
      const chosen = entries.filter(([value]) => isChosen(facet, value));
      const others = entries.filter(([value]) => !isChosen(facet, value));
      // A value chosen that nothing matches any more stays, to be taken out.
      const missing = filters.multi[facet]
        .filter((stored) => !entries.some(([value]) => same(facet, stored, value)))
        .map((stored): [string, number] => [stored, 0]);
      return { facet, values: [...chosen, ...missing, ...others.slice(0, facetValuesShown)] };
    })
    .filter((group) => group.values.length > 0);

  if (groups.length === 0) return <p className="muted">{t('search.facet_none')}</p>;
  return (
    <>
      {groups.map(({ facet, values }) => (
        <div key={facet} role="group" aria-labelledby={`facet-${facet}`} className="facet-group">
          <h2 id={`facet-${facet}`} className="facet-title">
            {t(facetLabel[facet])}
          </h2>
          <div className="facet-chips">
            {values.map(([value, count]) => {
              const chosen = isChosen(facet, value);
              return (
                <button
                  key={value}
                  type="button"
                  className={chosen ? 'chip chip-active' : 'chip'}
                  aria-pressed={chosen}
                  onClick={() => {
                    const stored =
                      filters.multi[facet].find((v) => same(facet, v, value)) ??
                      filterValue(facet, value);
                    onChange(toggleValue(filters, facet, stored));
                  }}
                >
                  {nameOf(facet, value)}
                  {estimated(facet) && count > 0 ? (
                    <span className="facet-count" title={t('search_estimates.estimated')}>
                      {t('search_estimates.facet_about', {
                        shown: formatNumber(roundEstimate(count), locale),
                      })}
                    </span>
                  ) : (
                    <span className="facet-count">{count}</span>
                  )}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </>
  );
}
