import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { formatSize, percentOf } from '../../lib/files';
import { uploadErrorMessage, type UploadQueue } from './useUploadQueue';

/**
 * Where files are dropped, or chosen with the button (the keyboard's and the phone's way in).
 * `multiple` takes several files at once; a new version takes one.
 */
export function DropZone({
  label,
  hint,
  multiple = true,
  accept,
  testId = 'drop-zone',
  onFiles,
}: {
  label: string;
  hint: string;
  multiple?: boolean;
  /** The file chooser's filter (".docx,.odt"), when only some files are taken. */
  accept?: string;
  /** Its test id, when a page has more than one. */
  testId?: string;
  onFiles: (files: File[]) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };
  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');
  return (
    <div
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      data-testid={testId}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files);
      }}
    >
      <button
        type="button"
        className="button"
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <p id={hintId} className="drop-zone-hint">
        {hint}
      </p>
      <input
        ref={input}
        type="file"
        hidden
        multiple={multiple}
        accept={accept}
        data-testid={testId === 'drop-zone' ? 'file-input' : `${testId}-input`}
        onChange={(event) => {
          take(event.target.files);
          event.target.value = '';
        }}
      />
      {over && <p className="drop-zone-over-text">{t('files.drop_here')}</p>}
    </div>
  );
}

/** The files on their way: a progress bar each, Cancel while it runs, Retry when it failed. */
export function UploadList({ queue }: { queue: UploadQueue }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = queue.uploads.filter((upload) => upload.state !== 'done');
  if (shown.length === 0) return null;
  return (
    <ul className="upload-list" aria-label={t('files.uploads')}>
      {shown.map((upload) => {
        const percent = percentOf(upload.loaded, upload.size);
        return (
          <li key={upload.key} className={`upload upload-${upload.state}`}>
            <div className="upload-head">
              <span className="upload-name">{upload.name}</span>
              <span className="upload-size">{formatSize(upload.size, locale)}</span>
            </div>
            {(upload.state === 'uploading' || upload.state === 'queued') && (
              <div className="upload-progress">
                <progress
                  max={100}
                  value={upload.state === 'queued' ? 0 : percent}
                  aria-label={t('files.progress_of', { name: upload.name })}
                />
                <span className="upload-percent" aria-hidden="true">
                  {upload.state === 'queued' ? t('files.waiting') : `${percent} %`}
                </span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('files.cancel_named', { name: upload.name })}
                  onClick={() => queue.cancel(upload.key)}
                >
                  {t('common.cancel')}
                </button>
              </div>
            )}
            {(upload.state === 'failed' || upload.state === 'cancelled') && (
              <div className="upload-failed">
                <span className={upload.state === 'failed' ? 'field-error' : 'muted'} role="alert">
                  {upload.state === 'failed'
                    ? uploadErrorMessage(t, upload.error)
                    : t('files.cancelled')}
                </span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('files.retry_named', { name: upload.name })}
                  onClick={() => queue.retry(upload.key)}
                >
                  {t('common.retry')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('files.dismiss_named', { name: upload.name })}
                  onClick={() => queue.dismiss(upload.key)}
                >
                  {t('common.dismiss')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
