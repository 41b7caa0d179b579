import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import RichTextEditor from './RichTextEditor';
import { useSearchParams } from 'react-router';
import type { ContentType, Revision, RevisionReason } from '../../api/types';
import { useLabelRevision, useRestore, useRevision, useRevisions } from '../../api/revisions';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import type { TranslationKey } from '../../i18n/keys';
import { ExportRevisionMenu } from '../documents/ExportMenu';
import { genericErrorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { DiffView } from './RevisionDiff';
import { RevisionFileList } from '../files/RevisionFiles';
import type { ContentSync } from './useContentSync';
import { RevisionVariants } from './VariantLabels';

const reasonKey = {
  created: 'history.reason_created',
  edit: 'history.reason_edit',
  merge: 'history.reason_merge',
  restore: 'history.reason_restore',
  import: 'history.reason_import',
} as const satisfies Record<RevisionReason, TranslationKey>;

/**
 * Every revision, newest first. Pick one to read it or to compare it with another, give it a
 * label, or bring it back (as a new revision: nothing in the history is ever overwritten).
 */
export function HistoryPanel({ sync, type }: { sync: ContentSync; type: ContentType | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = sync.content.id;
  const revisions = useRevisions(id);
  const [params, setParams] = useSearchParams();
  const items = revisions.data ?? [];

  // The revisions list changes with each save: keep it fresh while the page is open.
  const { refetch } = revisions;
  const version = sync.content.version;
  useEffect(() => {
    void refetch();
  }, [version, refetch]);

  const latest = items[0]?.number ?? null;
  const selected = Number(params.get('rev')) || latest;
  const previous = items.find((r) => selected !== null && r.number < selected)?.number ?? null;
  const compareParam = Number(params.get('compare'));
  const compare = compareParam > 0 ? compareParam : previous;
  const view = params.get('view') === 'text' ? 'text' : 'changes';
  const layout = params.get('layout') === 'split' ? 'split' : 'inline';

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  if (revisions.data === undefined) {
    if (revisions.isError) return <Alert>{genericErrorMessage(t, revisions.error)}</Alert>;
    return <p className="muted">{t('common.loading')}</p>;
  }
  const current = items.find((r) => r.number === selected) ?? null;

  return (
    <div className="history">
      <section className="history-list" aria-labelledby="revisions-title">
        <h2 id="revisions-title">{t('history.revisions')}</h2>
        <p className="muted history-note">{t('history_help.gathered')}</p>
        <ol className="revisions">
          {items.map((revision) => (
            <li key={revision.number}>
              <button
                type="button"
                className="revision"
                aria-current={revision.number === selected ? 'true' : undefined}
                onClick={() => set({ rev: String(revision.number), compare: null })}
              >
                <span className="revision-number">
                  {t('history.revision_number', { number: revision.number })}
                  {revision.number === latest && (
                    <span className="badge badge-current">{t('history.current')}</span>
                  )}
                </span>
                {revision.label && <span className="revision-label">{revision.label}</span>}
                <span className="revision-meta">
                  {revision.author.name} · {formatDateTime(revision.saved_at, locale)}
                </span>
                <span className="revision-reason">
                  {t(reasonKey[revision.reason])}
                  {revision.restored_from !== null &&
                    ` ${t('history.from_revision', { number: revision.restored_from })}`}
                  {revision.saves > 1 && ` · ${t('history.saves', { count: revision.saves })}`}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </section>

      {current && (
        <section className="history-detail" aria-labelledby="revision-title">
          <div className="history-detail-head">
            <h2 id="revision-title">
              {t('history.revision_number', { number: current.number })}
              {current.label && <span className="revision-label">{current.label}</span>}
            </h2>
            <ExportRevisionMenu contentId={sync.content.id} revision={current.number} />
            <RevisionActions
              revision={current}
              isLatest={current.number === latest}
              sync={sync}
              onRestored={() => set({ rev: null, compare: null })}
            />
          </div>
          {items.length > 1 && (
            <div className="history-controls">
              <div className="segmented" role="group" aria-label={t('history.show')}>
                <button
                  type="button"
                  aria-pressed={view === 'changes'}
                  onClick={() => set({ view: null })}
                >
                  {t('history.view_changes')}
                </button>
                <button
                  type="button"
                  aria-pressed={view === 'text'}
                  onClick={() => set({ view: 'text' })}
                >
                  {t('history.view_text')}
                </button>
              </div>
              {view === 'changes' && (
                <>
                  <label className="inline-field">
                    {t('history.compare_with')}
                    <select
                      value={compare ?? ''}
                      onChange={(event) => set({ compare: event.target.value || null })}
                    >
                      {/* The first revision compares with nothing until another is chosen. */}
                      {compare === null && (
                        <option value="">{t('history_help.nothing_earlier')}</option>
                      )}
                      {items
                        .filter((r) => r.number !== current.number)
                        .map((r) => (
                          <option key={r.number} value={r.number}>
                            {t('history.revision_number', { number: r.number })}
                            {r.label ? ` — ${r.label}` : ''}
                          </option>
                        ))}
                    </select>
                  </label>
                  <div className="segmented" role="group" aria-label={t('history.layout')}>
                    <button
                      type="button"
                      aria-pressed={layout === 'inline'}
                      onClick={() => set({ layout: null })}
                    >
                      {t('history.inline')}
                    </button>
                    <button
                      type="button"
                      aria-pressed={layout === 'split'}
                      onClick={() => set({ layout: 'split' })}
                    >
                      {t('history.side_by_side')}
                    </button>
                  </div>
                </>
              )}
            </div>
          )}
          {view === 'text' || items.length === 1 ? (
            <RevisionText id={id} number={current.number} type={type} />
          ) : compare === null || compare === current.number ? (
            <p className="muted">{t('history.first_revision')}</p>
          ) : (
            <DiffView
              id={id}
              from={Math.min(compare, current.number)}
              to={Math.max(compare, current.number)}
              type={type}
              layout={layout}
            />
          )}
        </section>
      )}
    </div>
  );
}

function RevisionText({
  id,
  number,
  type,
}: {
  id: string;
  number: number;
  type: ContentType | undefined;
}) {
  const { t } = useTranslation();
  const revision = useRevision(id, number);
  if (revision.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (revision.isError) return <Alert>{genericErrorMessage(t, revision.error)}</Alert>;
  const { title, fields, attachments, variants } = revision.data;
  return (
    <div className="revision-text">
      <h3 className="revision-title">{title}</h3>
      {(type?.fields ?? []).map((field) => {
        const value = fields[field.key];
        if (value === undefined || value === null || value === '') return null;
        return (
          <section key={field.key} className="revision-field">
            <h4>{field.label}</h4>
            {field.kind === 'richtext' && typeof value === 'string' ? (
              <RichTextEditor key={number} value={value} label={field.label} readOnly />
            ) : (
              <p className="plain-text">
                {Array.isArray(value) ? value.join(', ') : String(value)}
              </p>
            )}
          </section>
        );
      })}
      <RevisionVariants variants={variants} />
      <RevisionFileList files={attachments} />
    </div>
  );
}

function RevisionActions({
  revision,
  isLatest,
  sync,
  onRestored,
}: {
  revision: Revision;
  isLatest: boolean;
  sync: ContentSync;
  onRestored: () => void;
}) {
  const { t } = useTranslation();
  const id = sync.content.id;
  const restore = useRestore(id);
  const label = useLabelRevision(id);
  const [confirm, setConfirm] = useState(false);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(revision.label ?? '');
  useEffect(() => {
    setText(revision.label ?? '');
    setEditing(false);
  }, [revision.number, revision.label]);

  const unsent = sync.state.kind !== 'saved';

  const saveLabel = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await label.mutateAsync({ n: revision.number, label: text.trim() });
      setEditing(false);
    } catch {
      // Shown below.
    }
  };

  return (
    <div className="revision-actions">
      {editing ? (
        <form className="label-form" onSubmit={saveLabel}>
          <input
            aria-label={t('history.label_input')}
            value={text}
            maxLength={100}
            autoFocus
            placeholder={t('history.label_placeholder')}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
          />
          <button type="submit" className="button button-primary" disabled={label.isPending}>
            {t('common.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
          {revision.label ? t('history.edit_label') : t('history.add_label')}
        </button>
      )}
      {!isLatest && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => setConfirm(true)}
          disabled={unsent}
          title={unsent ? t('history.restore_wait') : undefined}
        >
          {t('history.restore')}
        </button>
      )}
      {label.isError && <p className="field-error">{genericErrorMessage(t, label.error)}</p>}
      {restore.isError && <p className="field-error">{genericErrorMessage(t, restore.error)}</p>}
      <ConfirmDialog
        open={confirm}
        title={t('history.restore_title', { number: revision.number })}
        body={<p>{t('history.restore_body', { number: revision.number })}</p>}
        confirm={t('history.restore')}
        busy={restore.isPending}
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          try {
            const content = await restore.mutateAsync(revision.number);
            sync.replaceFromServer(content);
            setConfirm(false);
            onRestored();
          } catch {
            setConfirm(false);
          }
        }}
      />
    </div>
  );
}
