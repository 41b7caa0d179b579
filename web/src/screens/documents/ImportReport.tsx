import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/imports';
import type { ContentType } from '../../api/types';
import { notKeptLabelKey } from '../../lib/documents';

const formatKey = {
  docx: 'import.format_docx',
  odt: 'import.format_odt',
  markdown: 'import.format_markdown',
  html: 'import.format_html',
} as const;

const titleFromKey = {
  metadata: 'import.title_from_metadata',
  heading: 'import.title_from_heading',
  file_name: 'import.title_from_file_name',
} as const;

/** What came through an import, in plain words: counts, what was not kept, warnings. */
export function ImportReportView({
  report,
  type,
}: {
  report: ImportReport;
  type: ContentType | undefined;
}) {
  const { t } = useTranslation();
  const label = (key: string) =>
    key === 'title' ? t('content.title') : (type?.fields.find((f) => f.key === key)?.label ?? key);
  const changes = report.tracked_changes;
  const changeCount = changes.insertions + changes.deletions;
  return (
    <div className="import-report" data-testid="import-report">
      <ul className="import-report-counts">
        <li>
          {t('import.read_as', { format: t(formatKey[report.format] ?? 'import.format_docx') })}
        </li>
        <li>{t(titleFromKey[report.title_from] ?? 'import.title_from_file_name')}</li>
        {report.fields.length > 0 && (
          <li>{t('import.fields_filled', { fields: report.fields.map(label).join(', ') })}</li>
        )}
        <li>{t('import.images', { count: report.images })}</li>
        <li>{t('import.comments', { count: report.comments })}</li>
        {changeCount > 0 && (
          <li>
            {t('import.tracked_changes', {
              count: changeCount,
              insertions: changes.insertions,
              deletions: changes.deletions,
            })}
          </li>
        )}
      </ul>
      {report.not_kept.length > 0 ? (
        <section aria-labelledby="import-not-kept">
          <h3 id="import-not-kept">{t('import.not_kept_title')}</h3>
          <ul className="import-not-kept">
            {report.not_kept.map((item) => (
              <li key={item.what}>{t(notKeptLabelKey(item.what), { count: item.count })}</li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="muted">{t('import.all_kept')}</p>
      )}
      {report.warnings.length > 0 && (
        <section aria-labelledby="import-warnings">
          <h3 id="import-warnings">{t('import.warnings_title')}</h3>
          <ul>
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
