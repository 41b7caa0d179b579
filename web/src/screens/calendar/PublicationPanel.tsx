import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  usePublicationChange,
  type Publication,
  type PublishedContent,
} from '../../api/publications';
import type { Channel } from '../../api/types';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { publicationStateKey } from '../../i18n/keys';
import { fromZonedInput, toZonedInput } from '../../lib/calendar';
import { fieldProblems, problemMessage } from '../../lib/errors';
import { useTimeZone } from '../../lib/timeZone';

// The content page's publication panel: per channel, when it goes out (the content's date or
// its own), and whether it has: "Mark as published" with the time (now unless said otherwise)
// and the address where it appeared, and a way back from a mark made by mistake.

/** Where and when the content goes out, channel by channel. */
export function PublicationPanel({
  content,
  channels,
  mayEdit,
}: {
  content: PublishedContent;
  channels: Channel[];
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const change = usePublicationChange(content.id);
  const [said, setSaid] = useState('');
  const format = (instant: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(instant),
    );
  const publications = content.publications ?? [];
  // A server before issue 16 says nothing of publications: the panel has nothing to show.
  if (content.publications === undefined) return null;
  const byId = new Map(channels.map((channel) => [channel.id, channel]));

  return (
    <section className="meta-panel publication-panel" aria-labelledby={`publication-${content.id}`}>
      <h2 id={`publication-${content.id}`} className="meta-title">
        {t('publication.title')}
      </h2>
      {content.publication && (
        <p className="publication-state">
          {t('publication.state', { state: t(publicationStateKey[content.publication]) })}
        </p>
      )}
      <div role="status" aria-live="polite" className="sr-only">
        {said}
      </div>
      {publications.length === 0 && <p className="muted">{t('publication.no_channels')}</p>}
      <ul className="publication-channels">
        {publications.map((publication) => (
          <ChannelPublication
            key={publication.channel}
            publication={publication}
            channel={byId.get(publication.channel)}
            mayEdit={mayEdit && !content.archived}
            busy={change.isPending}
            timeZone={timeZone}
            format={format}
            onPlan={(plannedAt) =>
              change.mutateAsync({
                kind: 'plan',
                channel: publication.channel,
                planned_at: plannedAt,
                version: content.version,
              })
            }
            onMark={(input) =>
              change.mutateAsync({ kind: 'mark', channel: publication.channel, ...input })
            }
            onUnmark={() => change.mutateAsync({ kind: 'unmark', channel: publication.channel })}
            onSaid={setSaid}
          />
        ))}
      </ul>
    </section>
  );
}

/** A write of the panel, answered or refused. */
interface Action {
  (): Promise<unknown>;
}

function ChannelPublication({
  publication,
  channel,
  mayEdit,
  busy,
  timeZone,
  format,
  onPlan,
  onMark,
  onUnmark,
  onSaid,
}: {
  publication: Publication;
  channel: Channel | undefined;
  mayEdit: boolean;
  busy: boolean;
  timeZone: string;
  format: (instant: string) => string;
  onPlan(plannedAt: string | null): Promise<unknown>;
  onMark(input: { published_at?: string; url?: string }): Promise<unknown>;
  onUnmark(): Promise<unknown>;
  onSaid: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const name = channel?.name ?? publication.channel;
  const [date, setDate] = useState(() => toZonedInput(publication.at, timeZone));
  const [marking, setMarking] = useState(false);
  const [publishedAt, setPublishedAt] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>(null);
  const problems = fieldProblems(t, error);
  const fieldError = (field: string) => problems.find((p) => p.field === field)?.message;
  const general =
    error === null
      ? null
      : isApiError(error, 409)
        ? t('publication.changed_since')
        : problems.length > 0
          ? null
          : problemMessage(t, error);

  const run = async (action: Action, done: string) => {
    setError(null);
    try {
      await action();
      onSaid(done);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const plan = (event: FormEvent) => {
    event.preventDefault();
    const at = fromZonedInput(date, timeZone);
    if (!at) return;
    void run(() => onPlan(at), t('publication.dated', { channel: name }));
  };

  const mark = async (event: FormEvent) => {
    event.preventDefault();
    const input: { published_at?: string; url?: string } = {};
    const at = publishedAt ? fromZonedInput(publishedAt, timeZone) : null;
    if (at) input.published_at = at;
    if (url.trim()) input.url = url.trim();
    if (await run(() => onMark(input), t('publication.marked', { channel: name }))) {
      setMarking(false);
    }
  };

  return (
    <li className="publication-channel" data-testid={`publication-${publication.channel}`}>
      <span className="publication-channel-name">
        <span
          className="channel-dot"
          style={{ background: channel?.color ?? 'transparent' }}
          aria-hidden="true"
        />
        {name}
        {publication.late && (
          <span className="cal-mark cal-mark-late">
            <span aria-hidden="true">⚠</span> {t('publication.state_late')}
          </span>
        )}
      </span>
      {general && <Alert>{general}</Alert>}
      {publication.published_at ? (
        <div className="publication-row">
          <span>
            {publication.published_by
              ? t('publication.published_line', {
                  date: format(publication.published_at),
                  name: publication.published_by.name,
                })
              : t('publication.published_line_anon', { date: format(publication.published_at) })}
          </span>
          {publication.url && (
            <a href={publication.url} target="_blank" rel="noreferrer noopener">
              {t('publication.view_url')}
            </a>
          )}
          {mayEdit && (
            <button
              type="button"
              className="button button-quiet"
              aria-label={t('publication.undo_label', { channel: name })}
              disabled={busy}
              onClick={() => void run(onUnmark, t('publication.unmarked', { channel: name }))}
            >
              {t('publication.undo')}
            </button>
          )}
        </div>
      ) : (
        <>
          <p className="muted">
            {publication.planned_at
              ? t('publication.own_date', { date: format(publication.planned_at) })
              : publication.at
                ? t('publication.follows', { date: format(publication.at) })
                : t('publication.follows_unset')}
          </p>
          {mayEdit && (
            <form className="publication-row" onSubmit={plan}>
              <label htmlFor={`${id}-date`} className="sr-only">
                {t('publication.channel_date', { channel: name })}
              </label>
              <input
                id={`${id}-date`}
                type="datetime-local"
                value={date}
                aria-invalid={fieldError('planned_at') ? true : undefined}
                aria-describedby={fieldError('planned_at') ? `${id}-date-error` : undefined}
                onChange={(event) => setDate(event.target.value)}
              />
              <button type="submit" className="button button-quiet" disabled={busy || !date}>
                {t('publication.set_date')}
              </button>
              {publication.planned_at && (
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={busy}
                  onClick={() =>
                    void run(() => onPlan(null), t('publication.dated', { channel: name }))
                  }
                >
                  {t('publication.follow_content')}
                </button>
              )}
              {fieldError('planned_at') && (
                <span id={`${id}-date-error`} className="field-error">
                  {fieldError('planned_at')}
                </span>
              )}
            </form>
          )}
          {mayEdit && !marking && (
            <button
              type="button"
              className="button"
              aria-label={t('publication.mark_label', { channel: name })}
              onClick={() => {
                setPublishedAt(toZonedInput(new Date().toISOString(), timeZone));
                setUrl('');
                setError(null);
                setMarking(true);
              }}
            >
              {t('publication.mark')}
            </button>
          )}
          {mayEdit && marking && (
            <form
              className="publication-form"
              aria-label={t('publication.mark_label', { channel: name })}
              noValidate
              onSubmit={(event) => void mark(event)}
            >
              <label>
                {t('publication.published_at')}
                <input
                  type="datetime-local"
                  value={publishedAt}
                  aria-invalid={fieldError('published_at') ? true : undefined}
                  onChange={(event) => setPublishedAt(event.target.value)}
                />
                {fieldError('published_at') && (
                  <span className="field-error">{fieldError('published_at')}</span>
                )}
              </label>
              <label>
                {t('publication.url')}
                <input
                  type="url"
                  inputMode="url"
                  placeholder={t('publication.url_hint')}
                  value={url}
                  aria-invalid={fieldError('url') ? true : undefined}
                  onChange={(event) => setUrl(event.target.value)}
                />
                {fieldError('url') && <span className="field-error">{fieldError('url')}</span>}
              </label>
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setMarking(false)}
                >
                  {t('common.cancel')}
                </button>
                <button type="submit" className="button button-primary" disabled={busy}>
                  {t('publication.mark')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </li>
  );
}
