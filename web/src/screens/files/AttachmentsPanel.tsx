import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  refreshAfterFileChange,
  uploadAttachment,
  uploadAttachmentVersion,
  useAttachments,
  useRemoveAttachment,
  useUpdateAttachment,
  type Attachment,
} from '../../api/files';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EditDialog } from '../../components/EditDialog';
import { MoveButtons } from '../../components/MoveButtons';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { previewOf } from '../../lib/files';
import {
  FileThumb,
  memberFileUrls,
  PreviewDialog,
  versionFacts,
  VersionsDialog,
} from './FileViews';
import { LibraryPicker } from './LibraryPicker';
import { DropZone, UploadList } from './Uploads';
import { useUploadQueue } from './useUploadQueue';

/**
 * A content's files: dropped or chosen (each with its progress), previewed, downloaded, given a
 * new version, compared with the earlier ones. Every change is a change of the content: a new
 * revision, and any approval of the earlier one goes stale.
 */
export function AttachmentsPanel({
  contentId,
  slug,
  mayEdit,
}: {
  contentId: string;
  slug: string;
  /** May add, replace, describe and remove files (the content's edit right). */
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const attachments = useAttachments(contentId);
  const refresh = () => void refreshAfterFileChange(queryClient, [contentId]);
  const queue = useUploadQueue(
    (file, options) => uploadAttachment(contentId, file, '', options),
    refresh,
  );
  // A new version goes to the attachment it was chosen for.
  const versionTarget = useRef(new WeakMap<File, string>());
  const versionQueue = useUploadQueue((file, options) => {
    const target = versionTarget.current.get(file) ?? '';
    return uploadAttachmentVersion(target, file, options);
  }, refresh);
  const versionInput = useRef<HTMLInputElement>(null);
  const [versionFor, setVersionFor] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const items = [...(attachments.data ?? [])].sort((a, b) => a.position - b.position);
  const update = useUpdateAttachment(contentId);
  const headingId = useId();

  const chooseVersion = (attachmentId: string) => {
    setVersionFor(attachmentId);
    versionInput.current?.click();
  };

  return (
    <section className="attachments-panel" aria-labelledby={headingId} data-testid="attachments">
      <h2 id={headingId} className="meta-title">
        {t('files.title')}
        {items.length > 0 && <span className="attachments-count-badge">{items.length}</span>}
      </h2>
      {attachments.isError && (
        <p className="field-error">{genericErrorMessage(t, attachments.error)}</p>
      )}
      {attachments.isSuccess && items.length === 0 && <p className="muted">{t('files.none')}</p>}
      {items.length > 0 && (
        <ul className="attachment-list">
          {items.map((attachment, index) => (
            <AttachmentRow
              key={attachment.id}
              attachment={attachment}
              contentId={contentId}
              mayEdit={mayEdit}
              index={index}
              count={items.length}
              onMove={(from, to) => {
                const target = items[to];
                if (!target || from === to) return;
                update.mutate({ id: attachment.id, position: target.position });
              }}
              onNewVersion={() => chooseVersion(attachment.id)}
            />
          ))}
        </ul>
      )}
      <UploadList queue={versionQueue} />
      {mayEdit && (
        <>
          <DropZone
            label={t('files.add')}
            hint={t('files.drop_hint')}
            onFiles={(files) => queue.add(files)}
          />
          <UploadList queue={queue} />
          <button type="button" className="link-button" onClick={() => setPicking(true)}>
            {t('files.from_library')}
          </button>
          <input
            ref={versionInput}
            type="file"
            hidden
            data-testid="version-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file || !versionFor) return;
              versionTarget.current.set(file, versionFor);
              versionQueue.add([file]);
            }}
          />
        </>
      )}
      {update.isError && <p className="field-error">{genericErrorMessage(t, update.error)}</p>}
      {picking && (
        <LibraryPicker
          slug={slug}
          contentId={contentId}
          attached={items.map((item) => item.media.id)}
          onClose={() => setPicking(false)}
        />
      )}
    </section>
  );
}

function AttachmentRow({
  attachment,
  contentId,
  mayEdit,
  index,
  count,
  onMove,
  onNewVersion,
}: {
  attachment: Attachment;
  contentId: string;
  mayEdit: boolean;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onNewVersion: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { media } = attachment;
  const [shown, setShown] = useState<'preview' | 'versions' | 'alt' | null>(null);
  const remove = useRemoveAttachment(contentId);
  const preview = previewOf(media.current.type);
  const isImage = media.kind === 'image';
  return (
    <li className="attachment" data-testid={`attachment-${media.name}`}>
      <FileThumb media={media} urls={memberFileUrls} alt={attachment.alt} />
      <div className="attachment-body">
        <span className="attachment-name">{media.name}</span>
        <span className="attachment-facts">
          {versionFacts(t, media, media.current, locale)}
          {' · '}
          <button
            type="button"
            className="link-button"
            aria-label={t('files.versions_of', { name: media.name, count: media.versions })}
            onClick={() => setShown('versions')}
          >
            {t('files.version_number', { number: media.current.number })}
          </button>
        </span>
        {isImage &&
          (attachment.alt ? (
            <span className="attachment-alt">{t('files.alt_shown', { alt: attachment.alt })}</span>
          ) : (
            <span className="attachment-alt attachment-alt-missing">{t('files.alt_missing')}</span>
          ))}
        <div className="attachment-actions">
          {preview && (
            <button type="button" className="link-button" onClick={() => setShown('preview')}>
              {t('files.preview')}
            </button>
          )}
          <a
            href={memberFileUrls.file(media.id)}
            download
            aria-label={t('files.download_named', { name: media.name })}
          >
            {t('files.download')}
          </a>
          {mayEdit && (
            <>
              {isImage && (
                <button type="button" className="link-button" onClick={() => setShown('alt')}>
                  {t('files.edit_alt')}
                </button>
              )}
              <button
                type="button"
                className="link-button"
                aria-label={t('files.new_version_named', { name: media.name })}
                onClick={onNewVersion}
              >
                {t('files.new_version')}
              </button>
              {count > 1 && (
                <span className="attachment-move">
                  <MoveButtons
                    index={index}
                    count={count}
                    onMove={onMove}
                    upLabel={t('files.move_up', { name: media.name })}
                    downLabel={t('files.move_down', { name: media.name })}
                  />
                </span>
              )}
              <ConfirmButton
                label={t('files.remove')}
                ariaLabel={t('files.remove_named', { name: media.name })}
                className="link-button link-button-danger"
                title={t('files.remove_title', { name: media.name })}
                body={<p>{t('files.remove_body')}</p>}
                busy={remove.isPending}
                onConfirm={(done) => remove.mutate(attachment.id, { onSettled: done })}
              />
            </>
          )}
        </div>
        {remove.isError && <p className="field-error">{genericErrorMessage(t, remove.error)}</p>}
      </div>
      {shown === 'preview' && (
        <PreviewDialog
          media={media}
          alt={attachment.alt}
          urls={memberFileUrls}
          onClose={() => setShown(null)}
        />
      )}
      {shown === 'versions' && (
        <VersionsDialog
          media={media}
          onClose={() => setShown(null)}
          onUploadVersion={
            mayEdit
              ? () => {
                  setShown(null);
                  onNewVersion();
                }
              : undefined
          }
        />
      )}
      {shown === 'alt' && (
        <AltDialog attachment={attachment} contentId={contentId} onClose={() => setShown(null)} />
      )}
    </li>
  );
}

function AltDialog({
  attachment,
  contentId,
  onClose,
}: {
  attachment: Attachment;
  contentId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState(attachment.alt);
  const update = useUpdateAttachment(contentId);
  const id = useId();
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    update.mutate({ id: attachment.id, alt: alt.trim() }, { onSuccess: onClose });
  };
  return (
    <EditDialog
      open
      title={t('files.alt_title', { name: attachment.media.name })}
      canSave={!update.isPending}
      onSave={() => save()}
      onClose={onClose}
    >
      <form className="form form-tight" noValidate onSubmit={save}>
        <div className="field">
          <label htmlFor={id}>{t('files.alt')}</label>
          <textarea
            id={id}
            rows={3}
            autoFocus
            value={alt}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setAlt(event.target.value)}
          />
          <p id={`${id}-hint`} className="field-hint">
            {t('files.alt_hint')}
          </p>
        </div>
        {update.isError && <p className="field-error">{genericErrorMessage(t, update.error)}</p>}
      </form>
    </EditDialog>
  );
}
