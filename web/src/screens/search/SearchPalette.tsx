import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuickSearch, type SearchHit, type WorkspaceRef } from '../../api/search';
import { Dialog } from '../../components/Dialog';
import { Snippet } from '../../components/Snippet';
import { useLocale } from '../../i18n';
import { useDebouncedValue } from '../../lib/debounce';
import { filtersForWords, filtersToSearch, filtersToSearchApiQuery } from '../../lib/filters';
import { formatRelative } from '../../lib/format';
import { useSearchLabels, type SearchLabels } from './labels';

/** How long typing must pause before the words go out. */
const typingPauseMs = 120;
const shownResults = 8;

/** The results page for some words; `exact` asks not to follow a spelling correction. */
export function searchPagePath(slug: string, q: string, exact = false): string {
  const params = filtersToSearch(filtersForWords(q));
  if (exact) params.set('exact', '1');
  return `/w/${encodeURIComponent(slug)}/search?${params.toString()}`;
}

/** Ctrl+K: a search box over everything, with results as the words are typed. */
export function SearchPalette({
  workspace,
  staff = true,
  open,
  onClose,
}: {
  workspace: WorkspaceRef;
  /** False for a guest: the names of statuses and people are not theirs to read. */
  staff?: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('search.dialog_title')} onClose={onClose} wide>
      <PaletteBody workspace={workspace} staff={staff} onClose={onClose} />
    </Dialog>
  );
}

function PaletteBody({
  workspace,
  staff,
  onClose,
}: {
  workspace: WorkspaceRef;
  staff: boolean;
  onClose: () => void;
}) {
  const slug = workspace.slug;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useSearchLabels(slug, staff);
  const locale = useLocale();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [q, setQ] = useState('');
  // An emptied box empties the list at once; words wait for a pause in typing.
  const typed = useDebouncedValue(q, typingPauseMs, (value) => value.trim() === '');
  const query =
    typed.trim() === ''
      ? ''
      : `${filtersToSearchApiQuery(filtersForWords(typed))}&limit=${shownResults}&facets=false&typing=true`;
  const search = useQuickSearch(workspace, query, query !== '');
  const results = query !== '' ? search.data : undefined;
  const items = results?.items ?? [];
  const optionCount = results ? items.length + 1 : 0; // the last one: all results
  // The highlighted option belongs to one answer: a new answer starts at its first result.
  const [highlight, setHighlight] = useState({ query: '', index: 0 });
  const active = highlight.query === query ? Math.min(highlight.index, optionCount - 1) : 0;
  const setActive = (index: number) => setHighlight({ query, index });

  // The dialog focuses its first button when it opens; the words come first here.
  useEffect(() => {
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const go = (path: string) => {
    onClose();
    navigate(path);
  };
  const choose = (index: number) => {
    const hit = items[index];
    // Words typed since the last answer: their results are on the results page, not here yet.
    if (hit && q.trim() === typed.trim()) {
      go(`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(hit.id)}`);
    } else if (q.trim() !== '') {
      go(searchPagePath(slug, q));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (optionCount === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + optionCount) % optionCount);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(optionCount > 0 ? active : items.length);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className="palette">
      <input
        ref={inputRef}
        className="palette-input"
        type="text"
        role="combobox"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-expanded={optionCount > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={optionCount > 0 ? optionId(active) : undefined}
        aria-describedby={`${listId}-hint`}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {results?.corrected_query !== undefined && (
        <p className="search-corrected">
          {t('search.corrected', { corrected: results.corrected_query })}
          {' — '}
          <button
            type="button"
            className="link-button"
            onClick={() => go(searchPagePath(slug, typed, true))}
          >
            {t('search.instead', { original: typed })}
          </button>
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('search.results')}
        className="palette-list"
        aria-busy={search.isFetching}
      >
        {items.map((hit, index) => (
          <li
            key={hit.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="palette-option"
            // Keeps the focus in the box, so the keyboard goes on working after a click.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => index !== active && setActive(index)}
            onClick={() => choose(index)}
          >
            <HitSummary hit={hit} labels={labels} locale={locale} />
          </li>
        ))}
        {results && (
          <li
            id={optionId(items.length)}
            role="option"
            aria-selected={active === items.length}
            className="palette-option palette-all"
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => active !== items.length && setActive(items.length)}
            onClick={() => choose(items.length)}
          >
            {t('search.see_all', { q: typed.trim() })}
          </li>
        )}
      </ul>
      <p className="palette-status" role="status">
        {results && items.length === 0 ? t('search.no_results', { q: typed.trim() }) : ''}
      </p>
      <p id={`${listId}-hint`} className="palette-hint">
        {t('search.keys_hint')}
      </p>
    </div>
  );
}

/** A result's title, type, status, date and the words that matched. */
export function HitSummary({
  hit,
  labels,
  locale,
}: {
  hit: SearchHit;
  labels: SearchLabels;
  locale: string;
}) {
  const { t } = useTranslation();
  const status = labels.status(hit.status);
  return (
    <>
      <span className="hit-title">{hit.title || t('content.untitled')}</span>
      <span className="hit-meta">
        {labels.type(hit.type) && <span>{labels.type(hit.type)}</span>}
        {status && (
          <span className="hit-status">
            <span
              className="channel-dot"
              aria-hidden="true"
              style={{ background: labels.statusColor(hit.status) ?? 'var(--muted)' }}
            />
            {status}
          </span>
        )}
        <span>{t('search.updated', { when: formatRelative(hit.updated_at, locale) })}</span>
      </span>
      {hit.snippet && <Snippet className="hit-snippet" html={hit.snippet} />}
    </>
  );
}
