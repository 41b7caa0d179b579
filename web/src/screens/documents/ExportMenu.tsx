import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentExportUrl, zipExportUrl } from '../../api/exports';
import type { Content } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Popover } from '../../components/Popover';
import {
  exportFormatKey,
  exportFormats,
  exportRevisions,
  type ExportFormat,
  type ExportRevision,
} from '../../lib/documents';

// Exports are plain download links: the browser sends the session cookie, the server names the
// file after the title and the revision, and nothing is held in memory on the page.

/** The formats, each a download link for one revision of a content. */
function FormatLinks({
  contentId,
  revision,
  onChosen,
}: {
  contentId: string;
  revision: ExportRevision;
  onChosen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="export-formats">
      {exportFormats.map((format) => (
        <li key={format}>
          <a
            className="menu-button"
            href={contentExportUrl(contentId, format, revision)}
            download
            onClick={onChosen}
          >
            {t(exportFormatKey[format])}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The content page's Export menu: a format, at the current or the validated revision. */
export function ExportMenu({ content }: { content: Content }) {
  const { t } = useTranslation();
  const choices = exportRevisions(content);
  const [revision, setRevision] = useState<ExportRevision>('current');
  const groupId = useId();
  const chosen = choices.includes(revision) ? revision : 'current';
  return (
    <Popover label={t('export.menu')} title={t('export.menu_title')} align="end">
      {(close) => (
        <div className="export-menu">
          {choices.length > 1 && (
            <fieldset className="export-revision">
              <legend id={groupId}>{t('export.revision')}</legend>
              {choices.map((choice) => (
                <label key={String(choice)} className="check">
                  <input
                    type="radio"
                    name="export-revision"
                    checked={chosen === choice}
                    onChange={() => setRevision(choice)}
                  />
                  {choice === 'validated'
                    ? t('export.revision_validated', { number: content.validated_revision })
                    : t('export.revision_current', { number: content.revision })}
                </label>
              ))}
            </fieldset>
          )}
          <FormatLinks contentId={content.id} revision={chosen} onChosen={close} />
        </div>
      )}
    </Popover>
  );
}

/** "Export this revision", on a revision of the history. */
export function ExportRevisionMenu({
  contentId,
  revision,
}: {
  contentId: string;
  revision: number;
}) {
  const { t } = useTranslation();
  return (
    <Popover
      label={t('export.this_revision')}
      ariaLabel={t('export.this_revision_named', { number: revision })}
      title={t('export.this_revision_named', { number: revision })}
      align="end"
    >
      {(close) => <FormatLinks contentId={contentId} revision={revision} onChosen={close} />}
    </Popover>
  );
}

/** "Export as .zip" of a project or a saved view: a format, then the download. */
export function ZipExportDialog({
  slug,
  of,
  name,
  onClose,
}: {
  slug: string;
  of: { project: string } | { view: string };
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('docx');
  return (
    <Dialog
      open
      title={t('export.zip_title', { name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <a
            className="button button-primary"
            href={zipExportUrl(slug, of, format)}
            download
            onClick={onClose}
          >
            {t('export.zip_download')}
          </a>
        </>
      }
    >
      <fieldset className="export-revision">
        <legend>{t('export.zip_format')}</legend>
        {exportFormats.map((choice) => (
          <label key={choice} className="check">
            <input
              type="radio"
              name="zip-format"
              checked={format === choice}
              onChange={() => setFormat(choice)}
            />
            {t(exportFormatKey[choice])}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{t('export.zip_hint')}</p>
    </Dialog>
  );
}

/** A button that opens the zip export of a project or a view. */
export function ZipExportButton({
  slug,
  of,
  name,
}: {
  slug: string;
  of: { project: string } | { view: string };
  name: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        aria-label={t('export.zip_named', { name })}
        onClick={() => setOpen(true)}
      >
        {t('export.zip')}
      </button>
      {open && <ZipExportDialog slug={slug} of={of} name={name} onClose={() => setOpen(false)} />}
    </>
  );
}
