import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Something shown once to pass on (a link, a token): selected on focus, with a Copy button. */
export function CopyField({
  label,
  value,
  buttonClassName = 'button button-quiet',
}: {
  label: string;
  value: string;
  buttonClassName?: string;
}) {
  const { t } = useTranslation();
  // The value last copied: a new value to pass on says "Copy" again.
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="copy-row">
      <input readOnly aria-label={label} value={value} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className={buttonClassName}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(value));
        }}
      >
        {copied === value ? t('common.copied') : t('common.copy')}
      </button>
    </div>
  );
}
