import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEntry } from '../../api/calendar';
import type { PublishedSummary } from '../../api/publications';
import type { Channel } from '../../api/types';
import { Popover } from '../../components/Popover';
import { isPublished, type Day } from '../../lib/calendar';

// What the calendar shows: the grid of days (a month or a week), the agenda's list of days, the
// entries in them and the tray of contents without a date. The screen keeps the state (what is
// being moved, which day has the focus); these only draw it and report what the person did.

/** An entry as shown: where it is now (a move on its way shows at its new day). */
export interface ShownEntry {
  key: string;
  entry: CalendarEntry;
  at: string;
  late: boolean;
  moving: boolean;
  /** Being carried with the keyboard: shown over the day it would drop on. */
  carried: boolean;
  movable: boolean;
}

/** How days and times read, in the person's language and time zone. */
export interface Formats {
  /** "Tuesday 8 December 2026". */
  longDay: (day: Day) => string;
  /** "8". */
  dayNumber: (day: Day) => string;
  /** "Tue". */
  weekday: (day: Day) => string;
  /** "09:30". */
  time: (instant: string) => string;
}

export interface EntryHandlers {
  onDragStart: (shown: ShownEntry) => void;
  onDragEnd: () => void;
}

export const entryKey = (entry: Pick<CalendarEntry, 'content' | 'channel'>) =>
  `${entry.content.id}/${entry.channel ?? ''}`;

const contentLink = (slug: string, id: string) =>
  `/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(id)}`;

/** One entry: its channel's colour, time, title, status, and a late or published mark. */
export function EntryItem({
  shown,
  slug,
  channels,
  formats,
  withTime,
  focusable,
  handlers,
  hintId,
  extra,
}: {
  shown: ShownEntry;
  slug: string;
  channels: Map<string, Channel>;
  formats: Formats;
  withTime: boolean;
  focusable: boolean;
  handlers?: EntryHandlers;
  hintId?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { entry } = shown;
  const channel = entry.channel ? channels.get(entry.channel) : undefined;
  const channelName = channel?.name ?? t('calendar.no_channel');
  const title = entry.content.title || t('content.untitled');
  const published = isPublished({ ...entry, at: shown.at });
  const classes = ['cal-entry'];
  if (shown.late) classes.push('cal-entry-late');
  if (published) classes.push('cal-entry-published');
  if (shown.moving) classes.push('cal-entry-moving');
  if (shown.carried) classes.push('cal-entry-carried');
  return (
    <li
      className={classes.join(' ')}
      style={{ borderInlineStartColor: channel?.color ?? 'var(--border-strong, #888)' }}
      draggable={shown.movable && handlers !== undefined}
      aria-busy={shown.moving || undefined}
      data-entry={shown.key}
      data-testid={`entry-${shown.key}`}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', shown.key);
        event.dataTransfer.effectAllowed = 'move';
        handlers?.onDragStart(shown);
      }}
      onDragEnd={handlers?.onDragEnd}
    >
      <Link
        to={contentLink(slug, entry.content.id)}
        draggable={false}
        tabIndex={focusable ? 0 : -1}
        aria-describedby={shown.movable ? hintId : undefined}
        aria-keyshortcuts={shown.movable ? 'M' : undefined}
        className="cal-entry-link"
      >
        {withTime && (
          <time className="cal-entry-time" dateTime={shown.at}>
            {formats.time(shown.at)}
          </time>
        )}
        <span className="cal-entry-title">{title}</span>
        {entry.channel && (
          <span className="sr-only">
            {entry.own_date ? t('calendar.own_date') : t('calendar.follows_content')}
          </span>
        )}
        <span className="cal-entry-meta">
          <span className="cal-entry-channel">
            <span
              className="channel-dot"
              style={{ background: channel?.color ?? 'transparent' }}
              aria-hidden="true"
            />
            {channelName}
          </span>
          {entry.content.status && (
            <span className="cal-entry-status">{entry.content.status.name}</span>
          )}
          {shown.late && (
            <span className="cal-mark cal-mark-late">
              <span aria-hidden="true">⚠</span> {t('calendar.late')}
            </span>
          )}
          {published && (
            <span className="cal-mark cal-mark-published">
              <span aria-hidden="true">✓</span> {t('calendar.published')}
            </span>
          )}
        </span>
      </Link>
      {extra}
    </li>
  );
}

export interface GridProps {
  weeks: Day[][];
  /** The days of the month shown (a month grid dims the others). */
  inMonth: (day: Day) => boolean;
  today: Day;
  focusDay: Day;
  targetDay: Day | null;
  label: string;
  byDay: Map<Day, ShownEntry[]>;
  slug: string;
  channels: Map<string, Channel>;
  formats: Formats;
  withTime: boolean;
  hintId: string;
  canCreate: boolean;
  handlers: EntryHandlers;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocusDay: (day: Day) => void;
  onCreate: (day: Day) => void;
  dropTarget: {
    active: boolean;
    over: Day | null;
    onOver: (day: Day | null) => void;
    onDrop: (day: Day) => void;
  };
  gridRef: React.RefObject<HTMLDivElement | null>;
}

/**
 * A month or a week as a grid of days (ARIA grid: one day holds the tab stop, the arrow keys
 * move it). Each day lists its entries; an entry dragged onto a day drops there.
 */
export function CalendarGrid(props: GridProps) {
  const { t } = useTranslation();
  const { weeks, formats, dropTarget } = props;
  return (
    <div
      ref={props.gridRef}
      role="grid"
      aria-label={props.label}
      aria-describedby={props.hintId}
      className={weeks.length === 1 ? 'cal-grid cal-grid-week' : 'cal-grid'}
      onKeyDown={props.onKeyDown}
    >
      <div role="row" className="cal-row cal-row-head">
        {weeks[0]!.map((day) => (
          <div role="columnheader" key={day} className="cal-weekday">
            <abbr title={formats.longDay(day).split(' ')[0]}>{formats.weekday(day)}</abbr>
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div role="row" className="cal-row" key={week[0]}>
          {week.map((day) => {
            const entries = props.byDay.get(day) ?? [];
            const classes = ['cal-day'];
            if (!props.inMonth(day)) classes.push('cal-day-outside');
            if (day === props.today) classes.push('cal-day-today');
            if (day === props.targetDay || day === dropTarget.over) classes.push('cal-day-target');
            const focused = day === props.focusDay;
            const dayLabel = formats.longDay(day);
            return (
              <div
                role="gridcell"
                key={day}
                className={classes.join(' ')}
                tabIndex={focused ? 0 : -1}
                data-day={day}
                data-testid={`day-${day}`}
                aria-current={day === props.today ? 'date' : undefined}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) props.onFocusDay(day);
                }}
                onDragOver={(event: DragEvent<HTMLDivElement>) => {
                  if (!dropTarget.active) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  if (dropTarget.over !== day) dropTarget.onOver(day);
                }}
                onDragLeave={(event) => {
                  if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
                    dropTarget.onOver(null);
                  }
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  dropTarget.onDrop(day);
                }}
              >
                <div className="cal-day-head">
                  <span className="cal-day-number">
                    <span aria-hidden="true">{formats.dayNumber(day)}</span>
                    <span className="sr-only">
                      {t('calendar.day_entries', { date: dayLabel, count: entries.length })}
                    </span>
                  </span>
                  {props.canCreate && (
                    <button
                      type="button"
                      className="cal-add"
                      tabIndex={focused ? 0 : -1}
                      aria-label={t('calendar.new_here', { date: dayLabel })}
                      onClick={() => props.onCreate(day)}
                    >
                      <span aria-hidden="true">+</span>
                    </button>
                  )}
                </div>
                {entries.length > 0 && (
                  <ul className="cal-entries">
                    {entries.map((shown) => (
                      <EntryItem
                        key={shown.key}
                        shown={shown}
                        slug={props.slug}
                        channels={props.channels}
                        formats={formats}
                        withTime={props.withTime}
                        focusable={focused}
                        handlers={props.handlers}
                        hintId={props.hintId}
                      />
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/**
 * The agenda: the month's days that have entries, one after the other, each entry with a
 * "Change date" control (the way to move one on a phone, where there is no dragging).
 */
export function AgendaList({
  days,
  byDay,
  today,
  slug,
  channels,
  formats,
  canCreate,
  onCreate,
  onMove,
}: {
  days: Day[];
  byDay: Map<Day, ShownEntry[]>;
  today: Day;
  slug: string;
  channels: Map<string, Channel>;
  formats: Formats;
  canCreate: boolean;
  onCreate: (day: Day) => void;
  onMove: (shown: ShownEntry, day: Day) => void;
}) {
  const { t } = useTranslation();
  const listed = days.filter((day) => (byDay.get(day)?.length ?? 0) > 0);
  if (listed.length === 0) return <p className="muted cal-empty">{t('calendar.agenda_empty')}</p>;
  return (
    <div className="cal-agenda">
      {listed.map((day) => (
        <section
          key={day}
          className={day === today ? 'cal-agenda-day cal-day-today' : 'cal-agenda-day'}
          aria-labelledby={`agenda-${day}`}
          data-testid={`day-${day}`}
        >
          <div className="cal-agenda-head">
            <h2 id={`agenda-${day}`} aria-current={day === today ? 'date' : undefined}>
              {formats.longDay(day)}
            </h2>
            {canCreate && (
              <button
                type="button"
                className="button button-quiet cal-agenda-add"
                aria-label={t('calendar.new_here', { date: formats.longDay(day) })}
                onClick={() => onCreate(day)}
              >
                <span aria-hidden="true">+</span>
              </button>
            )}
          </div>
          <ul className="cal-entries">
            {byDay.get(day)!.map((shown) => (
              <EntryItem
                key={shown.key}
                shown={shown}
                slug={slug}
                channels={channels}
                formats={formats}
                withTime
                focusable
                extra={
                  shown.movable && (
                    <RescheduleControl shown={shown} day={day} onMove={(to) => onMove(shown, to)} />
                  )
                }
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** "Change date": a day picker for one entry; the time of day stays. */
function RescheduleControl({
  shown,
  day,
  onMove,
}: {
  shown: ShownEntry;
  day: Day;
  onMove: (day: Day) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(day);
  const title = shown.entry.content.title || t('content.untitled');
  return (
    <Popover
      label={t('calendar.reschedule')}
      ariaLabel={t('calendar.reschedule_label', { title })}
      title={t('calendar.reschedule_label', { title })}
      align="end"
    >
      {(close) => (
        <form
          className="cal-reschedule"
          onSubmit={(event) => {
            event.preventDefault();
            close();
            if (value && value !== day) onMove(value);
          }}
        >
          <label>
            {t('calendar.reschedule_day')}
            <input type="date" value={value} onChange={(event) => setValue(event.target.value)} />
          </label>
          <button type="submit" className="button button-primary">
            {t('calendar.reschedule_submit')}
          </button>
        </form>
      )}
    </Popover>
  );
}

/** The contents without a date, to drag onto a day (or pick up with M). */
export function UnscheduledTray({
  items,
  slug,
  hintId,
  movable,
  loading,
  hasMore,
  onMore,
  onDragStart,
  onDragEnd,
  onPickUp,
}: {
  items: PublishedSummary[];
  slug: string;
  hintId: string;
  movable: (item: PublishedSummary) => boolean;
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
  onDragStart: (item: PublishedSummary) => void;
  onDragEnd: () => void;
  onPickUp: (item: PublishedSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="cal-tray" aria-labelledby="cal-tray-title">
      <h2 id="cal-tray-title" className="cal-tray-title">
        {t('calendar.tray')}
      </h2>
      <p className="muted cal-tray-hint">{t('calendar.tray_hint')}</p>
      {loading && <p className="muted">{t('common.loading')}</p>}
      {!loading && items.length === 0 && <p className="muted">{t('calendar.tray_empty')}</p>}
      <ul className="cal-tray-items">
        {items.map((item) => (
          <li
            key={item.id}
            className="cal-tray-item"
            draggable={movable(item)}
            data-testid={`tray-${item.id}`}
            onDragStart={(event) => {
              event.dataTransfer.setData('text/plain', item.id);
              event.dataTransfer.effectAllowed = 'move';
              onDragStart(item);
            }}
            onDragEnd={onDragEnd}
          >
            <Link
              to={contentLink(slug, item.id)}
              draggable={false}
              aria-describedby={movable(item) ? hintId : undefined}
              aria-keyshortcuts={movable(item) ? 'M' : undefined}
              onKeyDown={(event) => {
                if (!movable(item)) return;
                if (event.key === 'm' || event.key === 'M' || event.key === ' ') {
                  event.preventDefault();
                  onPickUp(item);
                }
              }}
            >
              {item.title || t('content.untitled')}
            </Link>
            {item.status && <span className="cal-entry-status">{item.status.name}</span>}
          </li>
        ))}
      </ul>
      {hasMore && (
        <button type="button" className="button button-quiet" onClick={onMore}>
          {t('contents.load_more')}
        </button>
      )}
    </aside>
  );
}
