import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaFileUrl } from '../../api/files';
import { Dialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { formatSize, percentOf } from '../../lib/files';
import type { ImageUpload } from './imageUpload';
import { uploadErrorMessage } from './useUploadQueue';

/** Images waiting to go into the text, and where (null: at the caret). */
export interface PendingImages {
  files: File[];
  at: number | null;
}

/**
 * An image on its way into the text: its text alternative asked for first (what a screen reader
 * says in its place), then the upload with its progress, then the image inserted. Several
 * images are asked for one after the other.
 */
export function ImageUploadDialog({
  pending,
  upload,
  onInserted,
  onClose,
}: {
  pending: PendingImages;
  upload: ImageUpload;
  onInserted: (src: string, alt: string, at: number | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [index, setIndex] = useState(0);
  const [alt, setAlt] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const file = pending.files[index];
  const preview = useLocalPreview(file);
  const altId = useId();

  useEffect(() => () => controller.current?.abort(), []);
  // The text alternative is what is asked: the caret waits there (after the dialog opened, which
  // would otherwise put it on its first button), and again for each next image.
  const altField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => altField.current?.focus(), [index]);

  if (!file) return null;
  const next = () => {
    setAlt('');
    setProgress(null);
    setError(null);
    if (index + 1 < pending.files.length) setIndex(index + 1);
    else onClose();
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (progress !== null) return;
    const text = alt.trim();
    controller.current = new AbortController();
    setError(null);
    setProgress(0);
    try {
      const attachment = await upload.upload(file, text, {
        signal: controller.current.signal,
        onProgress: ({ loaded, total }) => setProgress(percentOf(loaded, total)),
      });
      onInserted(mediaFileUrl(attachment.media.id), text, pending.at);
      next();
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') return;
      setProgress(null);
      setError(cause);
    }
  };
  const cancel = () => {
    controller.current?.abort();
    onClose();
  };
  return (
    <Dialog
      open
      title={
        pending.files.length > 1
          ? t('files.image_title_of', { index: index + 1, count: pending.files.length })
          : t('files.image_title')
      }
      onClose={cancel}
    >
      <form className="form form-tight image-upload" noValidate onSubmit={(e) => void send(e)}>
        {preview && <img className="image-upload-preview" src={preview} alt="" />}
        <p className="muted">
          {file.name} · {formatSize(file.size, locale)}
        </p>
        <div className="field">
          <label htmlFor={altId}>{t('files.alt')}</label>
          <textarea
            ref={altField}
            id={altId}
            rows={2}
            value={alt}
            disabled={progress !== null}
            aria-describedby={`${altId}-hint`}
            onChange={(event) => setAlt(event.target.value)}
          />
          <p id={`${altId}-hint`} className="field-hint">
            {t('files.alt_hint')}
          </p>
        </div>
        {progress !== null && (
          <progress
            max={100}
            value={progress}
            aria-label={t('files.progress_of', { name: file.name })}
          />
        )}
        {error !== null && (
          <p className="field-error" role="alert">
            {uploadErrorMessage(t, error)}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={cancel}>
            {t('common.cancel')}
          </button>
          {pending.files.length > 1 && (
            <button
              type="button"
              className="button button-quiet"
              disabled={progress !== null}
              onClick={next}
            >
              {t('files.skip_image')}
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={progress !== null}>
            {t('files.insert_image')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// The page's Content-Security-Policy lets images come from copydesk itself or as data: URLs
// only (no blob:): a local image is read into one, unless it is too big to be worth it.
const previewLimit = 15_000_000;

/** A local image shown in the page before it is sent, as a data: URL. */
function useLocalPreview(file: File | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!file || file.size > previewLimit) return undefined;
    const reader = new FileReader();
    reader.onload = () => setUrl(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
    return () => reader.abort();
  }, [file]);
  return url;
}
