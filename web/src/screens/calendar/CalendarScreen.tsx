import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  calendarKeys,
  freshContent,
  reschedule,
  useCalendar,
  useUnscheduled,
  type CalendarEntry,
} from '../../api/calendar';
import { useChannels } from '../../api/channels';
import { isApiError } from '../../api/client';
import { useTypes } from '../../api/contentTypes';
import { contentKeys } from '../../api/contents';
import type { PublishedContent, PublishedSummary } from '../../api/publications';
import { useViews } from '../../api/search';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import {
  byDay,
  calendarFilterQuery,
  dayForKey,
  dayOf,
  firstDayOfWeek,
  instantOf,
  isLate,
  moveToDay,
  parseCalendarParams,
  rangeOf,
  startOfWeek,
  stepView,
  viewWeeks,
  type CalendarView,
  type Day,
} from '../../lib/calendar';
import { genericErrorMessage, problemMessage } from '../../lib/errors';
import {
  activeFilterCount,
  filtersToSearch,
  parseFilters,
  viewToFilters,
  type ListFilters,
} from '../../lib/filters';
import { canCreateContent, canEditContent } from '../../lib/permissions';
import { isStaff } from '../../lib/sharing';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { narrowScreen, useMediaQuery } from '../../lib/useMediaQuery';
import { useShell } from '../AppShell';
import { FilterBar } from '../contents/FilterBar';
import { NewContentDialog, type PresetPublishAt } from '../contents/NewContent';
import {
  AgendaList,
  CalendarGrid,
  EntryItem,
  entryKey,
  UnscheduledTray,
  type Formats,
  type ShownEntry,
} from './CalendarViews';
import { useTimeZone } from '../../lib/timeZone';

// /w/:slug/calendar: the contents' publication dates by day, in the person's time zone. A move
// (dragged, picked up with the keyboard, or a day chosen in the agenda) shows at once at its new
// day and is sent based on the version the calendar showed; a refusal puts it back, says why,
// and offers to send it again on the current version.

/** What is being moved: an entry of the calendar, or a content of the tray. */
type Moving = { kind: 'entry'; shown: ShownEntry } | { kind: 'tray'; item: PublishedSummary };

/** A move sent and not answered yet: shown at its new time meanwhile. */
interface Pending {
  /** The content id for a move of its date, `id/channel` for a channel's own date. */
  target: string;
  at: string;
  /** A tray content placed on the calendar: its entry until the calendar is asked again. */
  arrival?: CalendarEntry;
}

/** A move the server refused because the content changed since: what to offer. */
interface Refused {
  title: string;
  moving: Moving;
  at: string;
  /** The content as it is now, when it could be read. */
  fresh: PublishedContent | null;
  /** Its date now, for the explanation. */
  now: string | null;
}

type Notice = { tone: 'info'; text: string } | { tone: 'error'; text: string } | null;

const viewLabel = {
  month: 'calendar.view_month',
  week: 'calendar.view_week',
  agenda: 'calendar.view_agenda',
} as const;

/** The hour a content dropped from the tray is planned at, on the wall clock. */
const trayHour = 9;

export default function CalendarScreen() {
  const { t } = useTranslation();
  const { me, membership } = useShell();
  const slug = membership.workspace.slug;
  const staff = isStaff(membership.role);
  const locale = useLocale();
  const timeZone = useTimeZone();
  const narrow = useMediaQuery(narrowScreen);
  const queryClient = useQueryClient();
  useDocumentTitle(t('calendar.title'));

  // The view, the day it shows and the filters are the URL's: a calendar can be bookmarked,
  // shared, reloaded, walked back.
  const [params, setParams] = useSearchParams();
  const today = dayOf(Date.now(), timeZone);
  const { view, day } = parseCalendarParams(params, today, narrow);
  const filters = useMemo((): ListFilters => {
    const read = parseFilters(params);
    return { ...read, q: '', sort: 'updated', order: 'desc', archived: false };
  }, [params]);
  const go = (next: { view?: CalendarView; day?: Day; filters?: ListFilters }) => {
    const search = filtersToSearch(next.filters ?? filters);
    search.set('view', next.view ?? view);
    search.set('day', next.day ?? day);
    setParams(search);
  };

  const weekStart = firstDayOfWeek(locale);
  const weeks = useMemo(() => viewWeeks(view, day, weekStart), [view, day, weekStart]);
  const { from, to } = rangeOf(weeks, timeZone);
  const filterQuery = calendarFilterQuery(filters);
  const calendar = useCalendar(slug, from, to, filterQuery);
  const mayCreate = canCreateContent(membership.role);
  const tray = useUnscheduled(slug, filterQuery, staff);
  const types = useTypes(slug).data ?? [];
  const channelList = useChannels(slug).data;
  const channels = useMemo(
    () => new Map((channelList ?? []).map((channel) => [channel.id, channel])),
    [channelList],
  );
  const views = useViews(membership.workspace).data ?? [];

  const formats = useMemo((): Formats => {
    // Days are wall-calendar days: they are written as UTC midnights and read back in UTC.
    const onDay = (options: Intl.DateTimeFormatOptions) => {
      const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      return (d: Day) => format.format(new Date(`${d}T00:00:00Z`));
    };
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
    return {
      longDay: onDay({ dateStyle: 'full' }),
      dayNumber: onDay({ day: 'numeric' }),
      weekday: onDay({ weekday: 'short' }),
      time: (instant) => time.format(new Date(instant)),
    };
  }, [locale, timeZone]);
  const monthLabel = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day.slice(0, 8)}01T00:00:00Z`),
      ),
    [locale, day],
  );
  const rangeLabel =
    view === 'week'
      ? t('calendar.week_of', { date: formats.longDay(startOfWeek(day, weekStart)) })
      : monthLabel;

  // ---- moves ---------------------------------------------------------------------------------

  const [pending, setPending] = useState<Record<string, Pending>>({});
  // The versions the server answered moves with: a second move of the same content, sent before
  // the calendar is asked again, is based on the first one's answer.
  const versions = useRef(new Map<string, number>());
  const [dragging, setDragging] = useState<Moving | null>(null);
  const [dragOver, setDragOver] = useState<Day | null>(null);
  const [carrying, setCarrying] = useState<{ moving: Moving; over: Day } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [spoken, setSpoken] = useState('');
  const [refused, setRefused] = useState<Refused | null>(null);

  const mayMove = (content: PublishedSummary) =>
    staff && canEditContent(membership.role, me.user.id, content);

  const versionOf = (content: PublishedSummary) =>
    Math.max(content.version, versions.current.get(content.id) ?? 0);

  const titleOf = (moving: Moving) =>
    (moving.kind === 'entry' ? moving.shown.entry.content.title : moving.item.title) ||
    t('content.untitled');

  /** Where a move puts its content: the same time of day on `target`, or the tray's hour. */
  const instantFor = (moving: Moving, target: Day) =>
    moving.kind === 'entry'
      ? moveToDay(moving.shown.at, target, timeZone)
      : new Date(instantOf(target, trayHour, 0, timeZone)).toISOString();

  const pendingKey = (moving: Moving) =>
    moving.kind === 'tray'
      ? moving.item.id
      : moving.shown.entry.own_date && moving.shown.entry.channel
        ? `${moving.shown.entry.content.id}/${moving.shown.entry.channel}`
        : moving.shown.entry.content.id;

  const send = async (moving: Moving, at: string, version: number) => {
    const key = pendingKey(moving);
    const content = moving.kind === 'entry' ? moving.shown.entry.content : moving.item;
    const title = titleOf(moving);
    const target = dayOf(at, timeZone);
    const arrival: CalendarEntry | undefined =
      moving.kind === 'tray'
        ? {
            content: moving.item,
            channel: null,
            at,
            own_date: false,
            published_at: null,
            url: null,
            late: false,
          }
        : undefined;
    setNotice(null);
    setRefused(null);
    setPending((now) => ({ ...now, [key]: { target: key, at, ...(arrival ? { arrival } : {}) } }));
    try {
      const answer = await reschedule({
        content: content.id,
        channel:
          moving.kind === 'entry' && moving.shown.entry.own_date
            ? moving.shown.entry.channel
            : null,
        at,
        version,
      });
      versions.current.set(answer.id, answer.version);
      queryClient.setQueryData(contentKeys.one(answer.id), answer);
      setNotice({
        tone: 'info',
        text: t(moving.kind === 'tray' ? 'calendar.planned' : 'calendar.moved', {
          title,
          date: formats.longDay(target),
        }),
      });
      await queryClient.invalidateQueries({
        queryKey: ['ws', slug],
        predicate: (q) => q.queryKey[2] === 'calendar' || q.queryKey[2] === 'contents',
      });
    } catch (error) {
      if (isApiError(error, 409)) {
        // Someone changed the content since the calendar was read: say how it stands now, and
        // offer to send the same move on the current version.
        const fresh = await freshContent(content.id).catch(() => null);
        const channel = moving.kind === 'entry' ? moving.shown.entry.channel : null;
        const now =
          moving.kind === 'entry' && moving.shown.entry.own_date && channel
            ? (fresh?.publications?.find((p) => p.channel === channel)?.at ?? null)
            : (fresh?.publish_at ?? null);
        setRefused({ title, moving, at, fresh, now });
        void queryClient.invalidateQueries({ queryKey: calendarKeys.all(slug) });
      } else {
        setNotice({
          tone: 'error',
          text: t('calendar.move_failed', { title, reason: problemMessage(t, error) }),
        });
      }
    } finally {
      setPending(({ [key]: _, ...rest }) => rest);
    }
  };

  const drop = (moving: Moving, target: Day) => {
    const at = instantFor(moving, target);
    if (moving.kind === 'entry' && dayOf(moving.shown.at, timeZone) === target) return;
    const content = moving.kind === 'entry' ? moving.shown.entry.content : moving.item;
    void send(moving, at, versionOf(content));
  };

  const retry = async () => {
    if (!refused) return;
    const content = refused.moving.kind === 'entry' ? refused.moving.shown.entry.content : null;
    const id = content?.id ?? (refused.moving.kind === 'tray' ? refused.moving.item.id : '');
    const fresh = refused.fresh ?? (await freshContent(id).catch(() => null));
    if (!fresh) {
      setNotice({ tone: 'error', text: genericErrorMessage(t, null) });
      return;
    }
    versions.current.set(fresh.id, fresh.version);
    void send(refused.moving, refused.at, fresh.version);
  };

  // ---- what is shown -------------------------------------------------------------------------

  const now = Date.now();
  const shownEntries = useMemo(() => {
    const entries = calendar.data?.entries ?? [];
    const list: ShownEntry[] = [];
    const carriedKey =
      carrying?.moving.kind === 'entry'
        ? carrying.moving.shown.key
        : carrying
          ? `${carrying.moving.item.id}/`
          : null;
    for (const entry of entries) {
      const key = entryKey(entry);
      const target = entry.own_date && entry.channel ? key : entry.content.id;
      const move = pending[target];
      let at = move?.at ?? entry.at;
      const carried = key === carriedKey;
      if (carried && carrying?.moving.kind === 'entry') {
        at = moveToDay(entry.at, carrying.over, timeZone);
      }
      list.push({
        key,
        entry,
        at,
        late: isLate({ ...entry, at }, now),
        moving: move !== undefined,
        carried,
        movable: mayMove(entry.content),
      });
    }
    const present = new Set(entries.map((entry) => entry.content.id));
    for (const move of Object.values(pending)) {
      if (move.arrival && !present.has(move.arrival.content.id)) {
        list.push({
          key: entryKey(move.arrival),
          entry: move.arrival,
          at: move.at,
          late: false,
          moving: true,
          carried: false,
          movable: false,
        });
      }
    }
    if (carrying?.moving.kind === 'tray') {
      const item = carrying.moving.item;
      const at = instantFor(carrying.moving, carrying.over);
      list.push({
        key: `${item.id}/`,
        entry: {
          content: item,
          channel: null,
          at,
          own_date: false,
          published_at: null,
          url: null,
          late: false,
        },
        at,
        late: false,
        moving: false,
        carried: true,
        movable: true,
      });
    }
    list.sort((a, b) => a.at.localeCompare(b.at));
    return list;
    // `now` moves every render; lateness is read at render time on purpose.
  }, [calendar.data, pending, carrying, timeZone]);
  const entriesByDay = useMemo(() => byDay(shownEntries, timeZone), [shownEntries, timeZone]);
  const placed = new Set(Object.keys(pending));
  const trayItems = (tray.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (item) =>
      !placed.has(item.id) &&
      !(carrying?.moving.kind === 'tray' && carrying.moving.item.id === item.id),
  );

  // ---- the keyboard --------------------------------------------------------------------------

  const [focusDay, setFocusDay] = useState<Day>(day);
  const [openDay, setOpenDay] = useState<Day | null>(null);
  const [createOn, setCreateOn] = useState<Day | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const hintId = useId();
  const allDays = weeks.flat();
  const shownFocus = allDays.includes(focusDay)
    ? focusDay
    : allDays.includes(day)
      ? day
      : allDays[0]!;

  // A key that left the days shown turns the page first; the day takes the focus once drawn.
  useEffect(() => {
    if (!wantFocus.current) return;
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-day="${shownFocus}"]`);
    if (cell) {
      cell.focus();
      wantFocus.current = false;
    }
  });

  const moveFocus = (next: Day) => {
    setFocusDay(next);
    wantFocus.current = true;
    if (!allDays.includes(next)) go({ day: next });
  };

  const say = (text: string) => setSpoken(text);

  const pickUp = (moving: Moving, from: Day) => {
    setCarrying({ moving, over: from });
    say(t('calendar.picked_up', { title: titleOf(moving), date: formats.longDay(from) }));
    moveFocus(from);
  };

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (carrying) {
      const next = dayForKey(event.key, carrying.over, weekStart);
      if (next) {
        event.preventDefault();
        setCarrying({ ...carrying, over: next });
        say(
          t('calendar.over_day', { title: titleOf(carrying.moving), date: formats.longDay(next) }),
        );
        moveFocus(next);
        return;
      }
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        setCarrying(null);
        drop(carrying.moving, carrying.over);
        return;
      }
      if (event.key === 'Escape' || event.key === 'Tab') {
        if (event.key === 'Escape') event.preventDefault();
        setCarrying(null);
        say(t('calendar.move_cancelled', { title: titleOf(carrying.moving) }));
      }
      return;
    }
    const entryElement = target.closest<HTMLElement>('[data-entry]');
    if (entryElement && (event.key === 'm' || event.key === 'M' || event.key === ' ')) {
      const shown = shownEntries.find((one) => one.key === entryElement.dataset.entry);
      if (shown?.movable) {
        event.preventDefault();
        pickUp({ kind: 'entry', shown }, dayOf(shown.at, timeZone));
      }
      return;
    }
    const cellDay = target.dataset.day;
    if (!cellDay || target.getAttribute('role') !== 'gridcell') return;
    const next = dayForKey(event.key, cellDay, weekStart);
    if (next) {
      event.preventDefault();
      moveFocus(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setOpenDay(cellDay);
    }
  };

  // ---- the page ------------------------------------------------------------------------------

  const presetFor = (d: Day | null): PresetPublishAt | null =>
    d
      ? {
          at: new Date(instantOf(d, trayHour, 0, timeZone)).toISOString(),
          label: formats.longDay(d),
        }
      : null;
  const previousLabel =
    view === 'week' ? t('calendar.previous_week') : t('calendar.previous_month');
  const nextLabel = view === 'week' ? t('calendar.next_week') : t('calendar.next_month');
  const entryHandlers = {
    onDragStart: (shown: ShownEntry) => setDragging({ kind: 'entry', shown }),
    onDragEnd: () => {
      setDragging(null);
      setDragOver(null);
    },
  };

  return (
    <section className="page page-wide calendar-page">
      <div className="page-header">
        <h1>{t('calendar.title')}</h1>
        <nav className="segmented" aria-label={t('calendar.views')}>
          {(['month', 'week', 'agenda'] as const).map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={view === name}
              className={view === name ? 'active' : undefined}
              onClick={() => go({ view: name })}
            >
              {t(viewLabel[name])}
            </button>
          ))}
        </nav>
        <div className="page-header-actions">
          {mayCreate && (
            <button
              type="button"
              className="button button-primary"
              disabled={types.length === 0}
              onClick={() => setCreateOn(day)}
            >
              {t('contents.new')}
            </button>
          )}
        </div>
      </div>

      <div className="cal-toolbar">
        <button
          type="button"
          className="button button-quiet"
          aria-label={previousLabel}
          onClick={() => go({ day: stepView(view, day, -1) })}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <button type="button" className="button button-quiet" onClick={() => go({ day: today })}>
          {t('calendar.today')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-label={nextLabel}
          onClick={() => go({ day: stepView(view, day, 1) })}
        >
          <span aria-hidden="true">›</span>
        </button>
        <h2 className="cal-range" aria-live="polite">
          {rangeLabel}
        </h2>
        {views.length > 0 && (
          <select
            className="cal-views"
            aria-label={t('calendar.saved_view')}
            value=""
            onChange={(event) => {
              const chosen = views.find((one) => one.id === event.target.value);
              if (chosen) go({ filters: viewToFilters(chosen) });
            }}
          >
            <option value="">{t('calendar.saved_view_choose')}</option>
            {views.map((one) => (
              <option key={one.id} value={one.id}>
                {one.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <FilterBar
        filters={filters}
        onChange={(next) => go({ filters: next })}
        slug={slug}
        count={activeFilterCount(filters)}
        dates={[]}
        archived={false}
      />
      <p id={hintId} className="muted cal-hint">
        {view === 'agenda'
          ? t('calendar.mouse_hint')
          : `${t('calendar.mouse_hint')} ${t('calendar.keyboard_hint')}`}
      </p>
      <div className="sr-only" role="status" aria-live="assertive">
        {spoken}
      </div>
      <div role="status" aria-live="polite" className="cal-notice">
        {notice?.tone === 'info' && <p className="alert alert-info">{notice.text}</p>}
      </div>
      {notice?.tone === 'error' && (
        <div className="alert alert-error" role="alert">
          {notice.text}{' '}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {refused && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('calendar.conflict', {
              title: refused.title,
              date: formats.longDay(dayOf(refused.at, timeZone)),
            })}{' '}
            {refused.now
              ? t('calendar.conflict_now', { date: formats.longDay(dayOf(refused.now, timeZone)) })
              : t('calendar.conflict_no_date')}
          </p>
          <p className="alert-actions">
            <button type="button" className="button button-primary" onClick={() => void retry()}>
              {t('calendar.retry_move', { date: formats.longDay(dayOf(refused.at, timeZone)) })}
            </button>{' '}
            <button type="button" className="link-button" onClick={() => setRefused(null)}>
              {t('common.dismiss')}
            </button>
          </p>
        </div>
      )}
      {calendar.isError && <Alert>{genericErrorMessage(t, calendar.error)}</Alert>}
      {calendar.data?.truncated && <Alert tone="info">{t('calendar.truncated')}</Alert>}

      <div className={staff ? 'cal-layout cal-layout-tray' : 'cal-layout'}>
        <div className="cal-main" aria-busy={calendar.isFetching}>
          {calendar.isPending && <p className="muted">{t('common.loading')}</p>}
          {view === 'agenda' ? (
            <AgendaList
              days={allDays}
              byDay={entriesByDay}
              today={today}
              slug={slug}
              channels={channels}
              formats={formats}
              canCreate={mayCreate}
              onCreate={setCreateOn}
              onMove={(shown, target) => drop({ kind: 'entry', shown }, target)}
            />
          ) : (
            <CalendarGrid
              gridRef={gridRef}
              weeks={weeks}
              inMonth={(d) => view === 'week' || d.slice(0, 7) === day.slice(0, 7)}
              today={today}
              focusDay={shownFocus}
              targetDay={carrying?.over ?? null}
              label={t('calendar.grid_label', { range: rangeLabel })}
              byDay={entriesByDay}
              slug={slug}
              channels={channels}
              formats={formats}
              withTime={view === 'week'}
              hintId={hintId}
              canCreate={mayCreate}
              handlers={entryHandlers}
              onKeyDown={onGridKey}
              onFocusDay={setFocusDay}
              onCreate={setCreateOn}
              dropTarget={{
                active: dragging !== null,
                over: dragOver,
                onOver: setDragOver,
                onDrop: (target) => {
                  setDragOver(null);
                  if (dragging) drop(dragging, target);
                  setDragging(null);
                },
              }}
            />
          )}
        </div>
        {staff && (
          <UnscheduledTray
            items={trayItems}
            slug={slug}
            hintId={hintId}
            movable={mayMove}
            loading={tray.isPending}
            hasMore={tray.hasNextPage}
            onMore={() => void tray.fetchNextPage()}
            onDragStart={(item) => setDragging({ kind: 'tray', item })}
            onDragEnd={() => {
              setDragging(null);
              setDragOver(null);
            }}
            onPickUp={(item) => {
              if (view === 'agenda') go({ view: 'month' });
              pickUp({ kind: 'tray', item }, shownFocus);
            }}
          />
        )}
      </div>

      <Dialog
        open={openDay !== null}
        title={openDay ? formats.longDay(openDay) : ''}
        onClose={() => setOpenDay(null)}
      >
        {openDay && (entriesByDay.get(openDay)?.length ?? 0) === 0 && (
          <p className="muted">{t('calendar.day_empty')}</p>
        )}
        {openDay && (
          <ul className="cal-entries cal-day-list">
            {(entriesByDay.get(openDay) ?? []).map((shown) => (
              <EntryItem
                key={shown.key}
                shown={shown}
                slug={slug}
                channels={channels}
                formats={formats}
                withTime
                focusable
              />
            ))}
          </ul>
        )}
        {openDay && mayCreate && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setCreateOn(openDay);
              setOpenDay(null);
            }}
          >
            {t('calendar.new_here', { date: formats.longDay(openDay) })}
          </button>
        )}
      </Dialog>
      {mayCreate && (
        <NewContentDialog
          slug={slug}
          types={types}
          open={createOn !== null}
          onClose={() => setCreateOn(null)}
          publishAt={presetFor(createOn)}
        />
      )}
    </section>
  );
}
