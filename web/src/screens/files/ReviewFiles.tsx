import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/files';
import { reviewMediaPath, useReviewAttachments } from '../../api/review';
import { useLocale } from '../../i18n';
import { previewOf } from '../../lib/files';
import { FileThumb, PreviewDialog, versionFacts, type FileUrls } from './FileViews';

/**
 * The files of a content on its review page: what the visitor validates with the text. Each
 * is seen (images, PDFs) or downloaded through the link's own routes, at its current version.
 */
export function ReviewFiles({ secret, contentId }: { secret: string; contentId: string }) {
  const { t } = useTranslation();
  const attachments = useReviewAttachments(secret, contentId);
  const headingId = useId();
  const items = [...(attachments.data ?? [])].sort((a, b) => a.position - b.position);
  if (items.length === 0) return null;
  const urls: FileUrls = {
    file: (mediaId) => `${reviewMediaPath(secret, mediaId)}/file`,
    thumbnail: (mediaId, version, size) =>
      `${reviewMediaPath(secret, mediaId)}/versions/${version}/thumbnail?size=${size}`,
  };
  return (
    <section className="review-files" aria-labelledby={headingId} data-testid="review-files">
      <h2 id={headingId} className="review-field-label">
        {t('files.title')}
      </h2>
      <ul className="attachment-list">
        {items.map((attachment) => (
          <ReviewFile key={attachment.id} attachment={attachment} urls={urls} />
        ))}
      </ul>
    </section>
  );
}

function ReviewFile({ attachment, urls }: { attachment: Attachment; urls: FileUrls }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { media } = attachment;
  const [previewing, setPreviewing] = useState(false);
  return (
    <li className="attachment" data-testid={`attachment-${media.name}`}>
      <FileThumb media={media} urls={urls} alt={attachment.alt} />
      <div className="attachment-body">
        <span className="attachment-name">{media.name}</span>
        <span className="attachment-facts">
          {versionFacts(t, media, media.current, locale)}
          {' · '}
          {t('files.version_number', { number: media.current.number })}
        </span>
        <div className="attachment-actions">
          {previewOf(media.current.type) && (
            <button type="button" className="link-button" onClick={() => setPreviewing(true)}>
              {t('files.preview')}
            </button>
          )}
          <a
            href={urls.file(media.id)}
            download
            aria-label={t('files.download_named', { name: media.name })}
          >
            {t('files.download')}
          </a>
        </div>
      </div>
      {previewing && (
        <PreviewDialog
          media={media}
          alt={attachment.alt}
          urls={urls}
          onClose={() => setPreviewing(false)}
        />
      )}
    </li>
  );
}
