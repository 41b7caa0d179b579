import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  refreshAfterFileChange,
  uploadMediaVersion,
  uploadToLibrary,
  useDeleteMedia,
  useMediaLibrary,
  useUpdateMedia,
  type MediaFile,
} from '../../api/files';
import { isApiError } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { EditDialog } from '../../components/EditDialog';
import { Field } from '../../components/Field';
import { useLocale } from '../../i18n';
import { mediaKindKey } from '../../i18n/keys';
import { genericErrorMessage } from '../../lib/errors';
import {
  formatSize,
  mediaFilterFrom,
  mediaKinds,
  mediaQuery,
  parseTags,
  type MediaFilter,
  type MediaKind,
} from '../../lib/files';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { FileThumb, memberFileUrls, VersionsDialog } from './FileViews';
import { DropZone, UploadList } from './Uploads';
import { useUploadQueue } from './useUploadQueue';

/**
 * /w/:slug/media: every file of the workspace, with where it is used. Search by name and tag,
 * filter by kind (all in the URL), a grid of thumbnails or a list; a file renamed, tagged,
 * replaced everywhere by a new version, or deleted once it is used nowhere.
 */
export default function MediaLibraryScreen() {
  const { t } = useTranslation();
  const { membership } = useShell();
  const slug = membership.workspace.slug;
  const mayUpload = membership.role !== 'guest' && membership.role !== 'reviewer';
  useDocumentTitle(t('files.library_title'));
  const [params, setParams] = useSearchParams();
  const filter = mediaFilterFrom(params);
  const layout = params.get('view') === 'list' ? 'list' : 'grid';
  // From the address as it is now: a change made by the words' timer starts from the URL of
  // the render that set it, which a click may have changed since.
  const setFilter = (change: Partial<MediaFilter> & { view?: 'grid' | 'list' }) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(change)) {
          if (value && !(key === 'view' && value === 'grid')) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  // The words go to the URL (and the server) a moment after typing pauses.
  const [words, setWords] = useState(filter.q);
  useEffect(() => {
    if (words === filter.q) return undefined;
    const timer = setTimeout(() => setFilter({ q: words }), 250);
    return () => clearTimeout(timer);
  }, [words]);
  const library = useMediaLibrary(slug, mediaQuery(filter));
  const files = (library.data?.pages ?? []).flatMap((page) => page.items);
  const queryClient = useQueryClient();
  const queue = useUploadQueue(
    (file, options) => uploadToLibrary(slug, file, options),
    () => void refreshAfterFileChange(queryClient, []),
  );
  const searchId = useId();
  const tagId = useId();
  const kindId = useId();

  return (
    <section className="page media-library">
      <div className="page-header">
        <h1>{t('files.library_title')}</h1>
        <div className="media-view-toggle" role="group" aria-label={t('files.layout')}>
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={layout === 'grid'}
            onClick={() => setFilter({ view: 'grid' })}
          >
            {t('files.layout_grid')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={layout === 'list'}
            onClick={() => setFilter({ view: 'list' })}
          >
            {t('files.layout_list')}
          </button>
        </div>
      </div>
      {mayUpload && (
        <div className="library-upload">
          <DropZone
            label={t('files.add_to_library')}
            hint={t('files.drop_hint')}
            onFiles={(chosen) => queue.add(chosen)}
          />
          <UploadList queue={queue} />
        </div>
      )}
      <form className="library-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={searchId}>{t('files.search')}</label>
          <input
            id={searchId}
            type="search"
            value={words}
            onChange={(event) => setWords(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={tagId}>{t('files.tag')}</label>
          <input
            id={tagId}
            value={filter.tag}
            onChange={(event) => setFilter({ tag: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={kindId}>{t('files.kind')}</label>
          <select
            id={kindId}
            value={filter.kind}
            onChange={(event) => setFilter({ kind: event.target.value as MediaKind | '' })}
          >
            <option value="">{t('files.kind_all')}</option>
            {mediaKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(mediaKindKey[kind])}
              </option>
            ))}
          </select>
        </div>
      </form>
      {library.isPending && <p className="muted">{t('common.loading')}</p>}
      {library.isError && <p className="field-error">{genericErrorMessage(t, library.error)}</p>}
      {library.isSuccess && files.length === 0 && (
        <p className="muted">
          {filter.q || filter.tag || filter.kind ? t('files.no_match') : t('files.library_empty')}
        </p>
      )}
      {files.length > 0 &&
        (layout === 'grid' ? (
          <ul className="media-grid" aria-label={t('files.library_files')}>
            {files.map((file) => (
              <li key={file.id} className="media-card" data-testid={`media-${file.name}`}>
                <FileThumb media={file} urls={memberFileUrls} />
                <MediaFacts file={file} slug={slug} onTag={(tag) => setFilter({ tag })} />
                <MediaActions file={file} mayEdit={mayUpload} />
              </li>
            ))}
          </ul>
        ) : (
          <MediaTable
            files={files}
            slug={slug}
            mayEdit={mayUpload}
            onTag={(tag) => setFilter({ tag })}
          />
        ))}
      {library.hasNextPage && (
        <button
          type="button"
          className="button button-quiet"
          disabled={library.isFetchingNextPage}
          onClick={() => void library.fetchNextPage()}
        >
          {t('files.more')}
        </button>
      )}
    </section>
  );
}

function MediaTable({
  files,
  slug,
  mayEdit,
  onTag,
}: {
  files: MediaFile[];
  slug: string;
  mayEdit: boolean;
  onTag: (tag: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    // Wider than the column on a tablet: it scrolls there, not the page.
    <div className="media-table-wrap">
      <DataTable
        className="table media-table"
        caption={t('files.library_files')}
        hiddenCaption
        columns={[
          <span className="sr-only">{t('files.thumbnail')}</span>,
          t('files.col_name'),
          t('files.kind'),
          t('files.col_size'),
          t('files.col_uploader'),
          t('files.col_date'),
          t('files.col_tags'),
          t('files.col_used_in'),
        ]}
        actions
      >
        {files.map((file) => (
          <tr key={file.id} data-testid={`media-${file.name}`}>
            <td>
              <FileThumb media={file} urls={memberFileUrls} />
            </td>
            <td className="cell-title">{file.name}</td>
            <td data-label={t('files.kind')}>{t(mediaKindKey[file.kind])}</td>
            <td data-label={t('files.col_size')} className="cell-nowrap">
              {formatSize(file.current.size, locale)}
            </td>
            <td data-label={t('files.col_uploader')}>{file.current.uploaded_by.name}</td>
            <td data-label={t('files.col_date')} className="cell-nowrap">
              {formatDate(file.current.uploaded_at, locale)}
            </td>
            <td data-label={t('files.col_tags')}>
              <Tags tags={file.tags} onTag={onTag} />
            </td>
            <td data-label={t('files.col_used_in')}>
              <UsedIn file={file} slug={slug} inColumn />
            </td>
            <td className="row-actions">
              <MediaActions file={file} mayEdit={mayEdit} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function MediaFacts({
  file,
  slug,
  onTag,
}: {
  file: MediaFile;
  slug: string;
  onTag: (tag: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="media-facts">
      <span className="media-name">{file.name}</span>
      <span className="muted">
        {t(mediaKindKey[file.kind])} · {formatSize(file.current.size, locale)}
        {file.versions > 1 && ` · ${t('files.versions_count', { count: file.versions })}`}
      </span>
      <span className="muted">
        {t('files.uploaded_by', {
          name: file.current.uploaded_by.name,
          date: formatDate(file.current.uploaded_at, locale),
        })}
      </span>
      <Tags tags={file.tags} onTag={onTag} />
      <UsedIn file={file} slug={slug} />
    </div>
  );
}

function Tags({ tags, onTag }: { tags: string[]; onTag: (tag: string) => void }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <span className="media-tags">
      {tags.map((tag) => (
        <button
          key={tag}
          type="button"
          className="tag-chip"
          aria-label={t('files.filter_tag', { tag })}
          onClick={() => onTag(tag)}
        >
          #{tag}
        </button>
      ))}
    </span>
  );
}

function UsedIn({
  file,
  slug,
  inColumn = false,
}: {
  file: MediaFile;
  slug: string;
  /** In the list's "Used in" column, which says it already. */
  inColumn?: boolean;
}) {
  const { t } = useTranslation();
  const uses = file.used_in ?? [];
  if (uses.length === 0) return <span className="muted">{t('files.used_nowhere')}</span>;
  return (
    <span className="media-used-in">
      {!inColumn && `${t('files.used_in')} `}
      {uses.map((use, index) => (
        <span key={use.attachment_id}>
          {index > 0 && ', '}
          <Link
            to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(use.content_id)}`}
          >
            {use.title || t('content.untitled')}
          </Link>
        </span>
      ))}
    </span>
  );
}

function MediaActions({ file, mayEdit }: { file: MediaFile; mayEdit: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<'versions' | 'edit' | 'replace' | null>(null);
  const remove = useDeleteMedia();
  const used = (file.used_in ?? []).length;
  return (
    <div className="media-actions">
      <a
        href={memberFileUrls.file(file.id)}
        download
        aria-label={t('files.download_named', { name: file.name })}
      >
        {t('files.download')}
      </a>
      <button
        type="button"
        className="link-button"
        aria-label={t('files.versions_of', { name: file.name, count: file.versions })}
        onClick={() => setShown('versions')}
      >
        {t('files.versions')}
      </button>
      {mayEdit && (
        <>
          <button
            type="button"
            className="link-button"
            aria-label={t('files.edit_named', { name: file.name })}
            onClick={() => setShown('edit')}
          >
            {t('common.edit')}
          </button>
          <button
            type="button"
            className="link-button"
            aria-label={t('files.replace_named', { name: file.name })}
            onClick={() => setShown('replace')}
          >
            {t('files.replace')}
          </button>
          {used === 0 && (
            <ConfirmButton
              label={t('common.delete')}
              ariaLabel={t('files.delete_named', { name: file.name })}
              className="link-button link-button-danger"
              title={t('files.delete_title', { name: file.name })}
              body={<p>{t('files.delete_body')}</p>}
              busy={remove.isPending}
              onConfirm={(done) => remove.mutate(file.id, { onSettled: done })}
            />
          )}
        </>
      )}
      {remove.isError && (
        <p className="field-error">
          {isApiError(remove.error, 409)
            ? t('files.delete_in_use')
            : genericErrorMessage(t, remove.error)}
        </p>
      )}
      {shown === 'versions' && (
        <VersionsDialog
          media={file}
          onClose={() => setShown(null)}
          onUploadVersion={mayEdit ? () => setShown('replace') : undefined}
        />
      )}
      {shown === 'edit' && <EditMediaDialog file={file} onClose={() => setShown(null)} />}
      {shown === 'replace' && <ReplaceDialog file={file} onClose={() => setShown(null)} />}
    </div>
  );
}

function EditMediaDialog({ file, onClose }: { file: MediaFile; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(file.name);
  const [tags, setTags] = useState(file.tags.join(', '));
  const update = useUpdateMedia();
  const nameError =
    update.isError && isApiError(update.error) ? update.error.fieldErrors().name : undefined;
  return (
    <EditDialog
      open
      title={t('files.edit_title', { name: file.name })}
      canSave={name.trim() !== '' && !update.isPending}
      onSave={() =>
        update.mutate(
          { id: file.id, name: name.trim(), tags: parseTags(tags) },
          { onSuccess: onClose },
        )
      }
      onClose={onClose}
    >
      <Field
        label={t('files.col_name')}
        value={name}
        autoFocus
        error={nameError ? t('files.name_invalid') : undefined}
        onChange={(event) => setName(event.target.value)}
      />
      <Field
        label={t('files.col_tags')}
        hint={t('files.tags_hint')}
        value={tags}
        onChange={(event) => setTags(event.target.value)}
      />
      {update.isError && !nameError && (
        <p className="field-error">{genericErrorMessage(t, update.error)}</p>
      )}
    </EditDialog>
  );
}

/** A new version of a library file: every content using it shows it, and gets a new revision. */
function ReplaceDialog({ file, onClose }: { file: MediaFile; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const uses = file.used_in ?? [];
  const queue = useUploadQueue(
    (chosen, options) => uploadMediaVersion(file.id, chosen, options),
    () => {
      void refreshAfterFileChange(
        queryClient,
        uses.map((use) => use.content_id),
      );
      onClose();
    },
  );
  const busy = queue.uploads.some((u) => u.state === 'uploading' || u.state === 'queued');
  let explanation: ReactNode = t('files.replace_unused');
  if (uses.length > 0) explanation = t('files.replace_body', { count: uses.length });
  return (
    <Dialog open title={t('files.replace_title', { name: file.name })} onClose={onClose}>
      <p>{explanation}</p>
      {!busy && (
        <DropZone
          label={t('files.choose_version')}
          hint={t('files.version_hint')}
          multiple={false}
          onFiles={(chosen) => queue.add(chosen)}
        />
      )}
      <UploadList queue={queue} />
    </Dialog>
  );
}
