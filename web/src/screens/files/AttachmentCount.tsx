import { useTranslation } from 'react-i18next';

/** A paperclip drawn in the text's colour (an emoji's look depends on the system's fonts). */
export function PaperclipIcon() {
  return (
    <svg className="paperclip-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"
      />
    </svg>
  );
}

/** A paperclip and how many files a content has (nothing when it has none), on cards and rows. */
export function AttachmentCount({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <span className="attachment-count" data-testid="attachment-count">
      <PaperclipIcon />
      <span aria-hidden="true">{count}</span>
      <span className="sr-only">{t('files.count', { count })}</span>
    </span>
  );
}
