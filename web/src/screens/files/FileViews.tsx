import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  mediaFileUrl,
  mediaThumbnailUrl,
  useMediaVersions,
  type MediaFile,
  type MediaVersion,
} from '../../api/files';
import { Dialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { mediaKindKey } from '../../i18n/keys';
import { genericErrorMessage } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { fileExtension, formatSize, previewOf } from '../../lib/files';

/**
 * Where a file's bytes and renditions are read: the API's own routes for members, the review
 * link's routes for a visitor (who may read only the current version of the files shown).
 */
export interface FileUrls {
  file: (mediaId: string, version?: number) => string;
  thumbnail: (mediaId: string, version: number, size: 'thumb' | 'web') => string;
}

export const memberFileUrls: FileUrls = { file: mediaFileUrl, thumbnail: mediaThumbnailUrl };

/** Whether the server makes renditions of this version (images and PDFs). */
export function hasThumbnail(media: Pick<MediaFile, 'kind'>, version: MediaVersion): boolean {
  if (version.thumbnail_url !== undefined) return Boolean(version.thumbnail_url);
  return media.kind === 'image' || media.kind === 'pdf';
}

/** The small picture of a file, or its kind written on a tile when it has none. */
export function FileThumb({
  media,
  version = media.current,
  urls,
  alt = '',
}: {
  media: MediaFile;
  version?: MediaVersion;
  urls: FileUrls;
  alt?: string;
}) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  if (hasThumbnail(media, version) && !broken) {
    return (
      <img
        className="file-thumb"
        src={urls.thumbnail(media.id, version.number, 'thumb')}
        alt={alt}
        loading="lazy"
        onError={() => setBroken(true)}
      />
    );
  }
  return (
    <span className={`file-thumb file-thumb-kind file-kind-${media.kind}`} aria-hidden="true">
      {fileExtension(media.name) ?? t(mediaKindKey[media.kind])}
    </span>
  );
}

/** "PNG · 1.2 MB · 1200 × 627": what a version is, in one line. */
export function versionFacts(
  t: TFunction,
  media: Pick<MediaFile, 'kind'>,
  version: MediaVersion,
  locale: string,
): string {
  const parts = [t(mediaKindKey[media.kind]), formatSize(version.size, locale)];
  if (version.width && version.height) {
    parts.push(
      t('files.dimensions', {
        width: formatNumber(version.width, locale),
        height: formatNumber(version.height, locale),
      }),
    );
  }
  return parts.join(' · ');
}

/**
 * A file shown in the page: an image as it is, a PDF in the browser's own viewer. The PDF's
 * bytes are read into this page (a download would otherwise leave it), then shown from there.
 */
export function PreviewDialog({
  media,
  version = media.current,
  alt,
  urls,
  onClose,
}: {
  media: MediaFile;
  version?: MediaVersion;
  alt: string;
  urls: FileUrls;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kind = previewOf(version.type);
  return (
    <Dialog open wide title={t('files.preview_title', { name: media.name })} onClose={onClose}>
      {kind === 'image' ? (
        <img
          className="file-preview-image"
          src={
            hasThumbnail(media, version)
              ? urls.thumbnail(media.id, version.number, 'web')
              : urls.file(media.id, version.number)
          }
          alt={alt}
        />
      ) : kind === 'pdf' ? (
        <PdfPreview
          url={urls.file(media.id, version.number)}
          firstPage={
            hasThumbnail(media, version) ? urls.thumbnail(media.id, version.number, 'web') : null
          }
          name={media.name}
        />
      ) : (
        <p>{t('files.no_preview')}</p>
      )}
      <p className="file-preview-actions">
        <a className="button button-quiet" href={urls.file(media.id, version.number)} download>
          {t('files.download')}
        </a>
      </p>
    </Dialog>
  );
}

/**
 * A PDF: its first page as the server renders it, and the whole file in the browser's own PDF
 * viewer, in a tab of its own. The page's security policy frames nothing, and a download link
 * would save the file rather than show it: the bytes are read into this page, and the tab opens
 * them from there.
 */
function PdfPreview({
  url,
  firstPage,
  name,
}: {
  url: string;
  firstPage: string | null;
  name: string;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | null = null;
    fetch(url, { credentials: 'same-origin', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const bytes = await response.blob();
        objectUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
        setShown(objectUrl);
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(cause);
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  return (
    <>
      {firstPage && (
        <img
          className="file-preview-image"
          src={firstPage}
          alt={t('files.pdf_first_page', { name })}
        />
      )}
      {error ? (
        <p className="field-error">{t('files.preview_failed')}</p>
      ) : shown ? (
        <p>
          <a className="button" href={shown} target="_blank" rel="noopener">
            {t('files.open_in_viewer')}
          </a>
        </p>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </>
  );
}

/**
 * Every version of a media file, newest first, each downloadable; for images, two versions
 * side by side (the one before and the current, unless others are chosen).
 */
export function VersionsDialog({
  media,
  onClose,
  onUploadVersion,
}: {
  media: MediaFile;
  onClose: () => void;
  /** Offers a new version when the reader may add one. */
  onUploadVersion?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const versions = useMediaVersions(media.id);
  const items = [...(versions.data ?? [])].sort((a, b) => b.number - a.number);
  const images = items.filter((v) => previewOf(v.type) === 'image');
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  const leftVersion = images.find((v) => v.number === left) ?? images[1];
  const rightVersion = images.find((v) => v.number === right) ?? images[0];
  return (
    <Dialog open wide title={t('files.versions_title', { name: media.name })} onClose={onClose}>
      {versions.isPending && <p className="muted">{t('common.loading')}</p>}
      {versions.isError && (
        <p className="field-error">
          {isApiError(versions.error, 404)
            ? t('files.not_found')
            : genericErrorMessage(t, versions.error)}
        </p>
      )}
      {images.length >= 2 && leftVersion && rightVersion && (
        <section className="version-compare" aria-label={t('files.compare')}>
          <CompareSide
            versions={images}
            chosen={leftVersion}
            label={t('files.compare_left')}
            media={media}
            onChoose={setLeft}
          />
          <CompareSide
            versions={images}
            chosen={rightVersion}
            label={t('files.compare_right')}
            media={media}
            onChoose={setRight}
          />
        </section>
      )}
      <ol className="version-list">
        {items.map((version) => (
          <li key={version.number} data-testid={`version-${version.number}`}>
            <span className="version-number">
              {t('files.version_number', { number: version.number })}
              {version.number === media.current.number && (
                <span className="badge">{t('files.current')}</span>
              )}
            </span>
            <span className="version-facts">{versionFacts(t, media, version, locale)}</span>
            <span className="muted">
              {t('files.uploaded_by', {
                name: version.uploaded_by.name,
                date: formatDateTime(version.uploaded_at, locale),
              })}
            </span>
            <a
              href={mediaFileUrl(media.id, version.number)}
              download
              aria-label={t('files.download_version', { number: version.number })}
            >
              {t('files.download')}
            </a>
          </li>
        ))}
      </ol>
      {onUploadVersion && (
        <p>
          <button type="button" className="button" onClick={onUploadVersion}>
            {t('files.new_version')}
          </button>
        </p>
      )}
    </Dialog>
  );
}

function CompareSide({
  versions,
  chosen,
  label,
  media,
  onChoose,
}: {
  versions: MediaVersion[];
  chosen: MediaVersion;
  label: string;
  media: MediaFile;
  onChoose: (n: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="compare-side">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} value={chosen.number} onChange={(e) => onChoose(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t('files.version_number', { number: v.number })}
          </option>
        ))}
      </select>
      <img
        src={
          hasThumbnail(media, chosen)
            ? mediaThumbnailUrl(media.id, chosen.number, 'web')
            : mediaFileUrl(media.id, chosen.number)
        }
        alt={t('files.version_of', { name: media.name, number: chosen.number })}
      />
    </figure>
  );
}
