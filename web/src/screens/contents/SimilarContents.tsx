import { useTranslation } from 'react-i18next';
import { useSimilarToText } from '../../api/search';
import { useDebouncedValue } from '../../lib/debounce';
import { useShell } from '../AppShell';
import { useSearchLabels } from '../search/labels';

/** How long typing must pause before the text is compared with the workspace's contents. */
const typingPauseMs = 400;
/** Fewer letters than this say nothing yet about a subject. */
const minimumLetters = 4;

/**
 * "2 contents on this subject already exist": while a title and first lines are typed, the
 * closest existing contents, so nobody rewrites what the team already has.
 */
export function SimilarContents({
  slug,
  title,
  text,
}: {
  slug: string;
  title: string;
  text: string;
}) {
  const { t } = useTranslation();
  const labels = useSearchLabels(slug);
  const enough = (title + text).replace(/\s/g, '').length >= minimumLetters;
  // One string, so that equal text is an equal value to wait on.
  const typed = enough ? JSON.stringify([title.trim(), text.trim()]) : '';
  const settled = useDebouncedValue(typed, typingPauseMs, (value) => value === '');
  const [settledTitle = '', settledText = ''] = settled ? (JSON.parse(settled) as string[]) : [];
  const similar = useSimilarToText(useShell().membership.workspace, settledTitle, settledText);
  const items = settled ? (similar.data ?? []) : [];

  return (
    <div className="similar">
      <p className="similar-title" role="status">
        {items.length > 0 ? t('search.similar', { count: items.length }) : ''}
      </p>
      {items.length > 0 && (
        <>
          <ul className="similar-list">
            {items.map((hit) => (
              <li key={hit.id}>
                <a
                  href={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(hit.id)}`}
                  target="_blank"
                  rel="noopener"
                >
                  {hit.title || t('content.untitled')}
                  <span className="sr-only"> {t('search.new_tab')}</span>
                </a>
                <span className="similar-meta">
                  {[labels.type(hit.type), labels.status(hit.status)].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          <p className="field-hint">{t('search.similar_hint')}</p>
        </>
      )}
    </div>
  );
}
