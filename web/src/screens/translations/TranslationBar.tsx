import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ContentType, Language } from '../../api/types';
import {
  useCreateTranslation,
  useMarkTranslationSynced,
  useSourceDiff,
  type TranslatedContent,
} from '../../api/translations';
import { Alert } from '../../components/Alert';
import { Popover } from '../../components/Popover';
import { genericErrorMessage } from '../../lib/errors';
import { languageChips, languagesToTranslate, sourceChanged } from '../../lib/translations';
import { FieldDiffView, isRichText } from '../content/RevisionDiff';

// A content's linked translations on its page (issue 20): the linked languages as chips that
// switch in one click, "Translate into…" for a language its group lacks, and, on a translation
// whose source changed since it was last brought up to date, a banner with the source's diff
// since then and "Mark as up to date".

/** The language chips and the "Translate into…" menu, under the content's header. */
export function TranslationBar({
  slug,
  content,
  mayTranslate,
}: {
  slug: string;
  content: TranslatedContent;
  /** The reader may create contents (a translation is a new content). */
  mayTranslate: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTranslation(content.id);
  const chips = languageChips(content.id, content.translation);
  const offered = mayTranslate ? languagesToTranslate(content.language, content.translation) : [];
  if (chips.length === 0 && offered.length === 0) return null;
  const base = `/w/${encodeURIComponent(slug)}/contents/`;
  const translate = (language: Language) =>
    create.mutate(language, {
      onSuccess: (created) => void navigate(base + encodeURIComponent(created.id)),
    });
  return (
    <div className="translation-bar">
      {chips.length > 0 && (
        <nav className="translation-chips" aria-label={t('translations.languages')}>
          {chips.map((chip) =>
            chip.current ? (
              <span
                key={chip.contentId}
                className="translation-chip current"
                aria-current="page"
                title={chip.title}
              >
                {t(`language.${chip.language}_short`)}
                {chip.isSource && <span className="sr-only"> {t('translations.source')}</span>}
              </span>
            ) : (
              <Link
                key={chip.contentId}
                className={`translation-chip${chip.state === 'out_of_date' ? ' stale' : ''}`}
                to={base + encodeURIComponent(chip.contentId)}
                title={chip.title}
                aria-label={t('translations.switch_to', {
                  language: t(`language.${chip.language}`),
                  title: chip.title,
                })}
              >
                {t(`language.${chip.language}_short`)}
                {chip.state === 'out_of_date' && (
                  <span className="translation-chip-dot" aria-hidden="true" />
                )}
              </Link>
            ),
          )}
        </nav>
      )}
      {offered.length > 0 && (
        <Popover
          title={t('translations.translate_into')}
          label={t('translations.translate_into')}
          align="start"
        >
          {(close) => (
            <ul className="menu-list" aria-label={t('translations.translate_into')}>
              {offered.map((language) => (
                <li key={language}>
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={create.isPending}
                    onClick={() => {
                      close();
                      translate(language);
                    }}
                  >
                    {t(`language.${language}`)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Popover>
      )}
      {create.isError && <Alert>{genericErrorMessage(t, create.error)}</Alert>}
    </div>
  );
}

/** "Source changed since translation", with the source's diff and "Mark as up to date". */
export function SourceChangedBanner({
  content,
  type,
  mayMark,
}: {
  content: TranslatedContent;
  type: ContentType | undefined;
  /** The reader may edit this translation. */
  mayMark: boolean;
}) {
  const { t } = useTranslation();
  const translation = content.translation;
  const changed = sourceChanged(translation);
  const diff = useSourceDiff(content.id, translation?.synced_revision ?? null, changed);
  const mark = useMarkTranslationSynced(content.id);
  if (!changed || !translation) return null;
  const source = translation.languages.find((l) => l.is_source);
  const labels = { added: t('history.added'), removed: t('history.removed') };
  const fields = diff.data?.fields.filter((f) => f.changed) ?? [];
  return (
    <section className="alert alert-info source-changed" aria-label={t('translations.changed')}>
      <p>
        <strong>{t('translations.changed')}</strong>{' '}
        {t('translations.changed_detail', {
          from: translation.synced_revision ?? 0,
          to: translation.source_revision ?? 0,
        })}
      </p>
      {source && <p className="muted">{source.title}</p>}
      {diff.isError && <p className="muted">{t('translations.diff_hidden')}</p>}
      {fields.length > 0 && diff.data && (
        <details className="source-diff" open>
          <summary>{t('translations.show_diff')}</summary>
          <div
            className="diff"
            role="region"
            aria-label={t('translations.diff_label', {
              from: diff.data.from,
              to: diff.data.to,
            })}
          >
            {fields.map((field) => (
              <section key={field.field} className="diff-field">
                <h3>
                  {field.field === 'title'
                    ? t('content.title')
                    : (type?.fields.find((f) => f.key === field.field)?.label ?? field.field)}
                </h3>
                <FieldDiffView
                  field={field}
                  layout="inline"
                  labels={labels}
                  from={diff.data.from}
                  to={diff.data.to}
                  rich={isRichText(field.field, type)}
                />
              </section>
            ))}
          </div>
        </details>
      )}
      {mayMark && (
        <button
          type="button"
          className="button"
          disabled={mark.isPending}
          onClick={() => mark.mutate()}
        >
          {t('translations.mark_synced')}
        </button>
      )}
      {mark.isError && <Alert>{genericErrorMessage(t, mark.error)}</Alert>}
    </section>
  );
}
