import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExportTemplate, useRemoveTemplate, useUploadTemplate } from '../../api/exports';
import { isApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { formatSize, percentOf } from '../../lib/files';
import { DropZone } from '../files/Uploads';

/**
 * The workspace's reference document: a .docx or .odt whose fonts, styles and logo every Word and
 * OpenDocument export takes. Managers upload, replace or remove it.
 */
export function DocumentsSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const template = useExportTemplate(slug);
  const upload = useUploadTemplate(slug);
  const remove = useRemoveTemplate(slug);
  const [percent, setPercent] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const send = (file: File) => {
    if (!/\.(docx|odt)$/i.test(file.name)) {
      setRefused(file.name);
      return;
    }
    setRefused(null);
    setPercent(0);
    upload.mutate(
      { file, onProgress: (p) => setPercent(percentOf(p.loaded, p.total)) },
      { onSettled: () => setPercent(null) },
    );
  };
  const current = template.data ?? null;
  return (
    <div className="settings-section">
      <h2>{t('export.settings_title')}</h2>
      <p className="field-hint">{t('export.settings_intro')}</p>
      {template.isError && <Alert>{genericErrorMessage(t, template.error)}</Alert>}
      {upload.isError && (
        <Alert>
          {isApiError(upload.error, 413)
            ? t('files.error_too_large')
            : genericErrorMessage(t, upload.error)}
        </Alert>
      )}
      {remove.isError && <Alert>{genericErrorMessage(t, remove.error)}</Alert>}
      {refused && <Alert>{t('export.template_wrong_kind', { name: refused })}</Alert>}
      {current ? (
        <p data-testid="export-template">
          {t('export.template_current', {
            name: current.name,
            size: formatSize(current.size, locale),
            date: formatDate(current.uploaded_at, locale),
          })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            {t('export.template_remove')}
          </button>
        </p>
      ) : (
        template.isSuccess && <p className="muted">{t('export.template_none')}</p>
      )}
      <DropZone
        label={current ? t('export.template_replace') : t('export.template_upload')}
        hint={t('export.template_hint')}
        multiple={false}
        accept=".docx,.odt"
        testId="template-drop-zone"
        onFiles={([file]) => file && send(file)}
      />
      {percent !== null && (
        <progress max={100} value={percent} aria-label={t('export.template_uploading')} />
      )}
      <ConfirmDialog
        open={confirming}
        title={t('export.template_remove_title')}
        body={<p>{t('export.template_remove_body')}</p>}
        confirm={t('export.template_remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}
