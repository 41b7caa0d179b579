import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ContentType } from '../../api/types';
import { useCreateContent } from '../../api/workspace';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { genericErrorMessage } from '../../lib/errors';
import { SimilarContents } from './SimilarContents';

/** The field the first lines go to: the type's main text (rich text first, not a lead or SEO). */
function firstTextField(type: ContentType | undefined) {
  for (const kind of ['richtext', 'longtext', 'text']) {
    const field = type?.fields.find((item) => item.kind === kind);
    if (field) return field;
  }
  return undefined;
}

/** "New content": pick a type, give a title, land on the new content's page. */
export function NewContentButton({ slug, types }: { slug: string; types: ContentType[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContent(slug);
  const [open, setOpen] = useState(false);
  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [firstLines, setFirstLines] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const groupId = useId();

  const chosen = type || types[0]?.key || '';
  const textField = firstTextField(types.find((item) => item.key === chosen));
  const linesId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setMissingTitle(true);
      titleRef.current?.focus();
      return;
    }
    try {
      // The language is left to the workspace's default for contents.
      const lines = firstLines.trim();
      const content = await create.mutateAsync({
        type: chosen,
        title: title.trim(),
        ...(textField && lines ? { fields: { [textField.key]: lines } } : {}),
      });
      setOpen(false);
      navigate(`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(content.id)}`);
    } catch {
      // Shown below the form.
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={() => {
          setTitle('');
          setFirstLines('');
          setMissingTitle(false);
          create.reset();
          setOpen(true);
        }}
        disabled={types.length === 0}
      >
        {t('contents.new')}
      </button>
      <Dialog open={open} title={t('contents.new_title')} onClose={() => setOpen(false)}>
        <form className="form form-tight" noValidate onSubmit={submit}>
          {create.isError && <Alert>{genericErrorMessage(t, create.error)}</Alert>}
          <fieldset className="type-choice">
            <legend id={groupId}>{t('contents.new_type')}</legend>
            {types.map((item) => (
              <label key={item.id} className="type-option">
                <input
                  type="radio"
                  name="type"
                  value={item.key}
                  checked={chosen === item.key}
                  onChange={() => setType(item.key)}
                />
                <span className="type-option-name">{item.name}</span>
                <span className="type-option-fields">
                  {item.fields.map((field) => field.label).join(' · ')}
                </span>
              </label>
            ))}
          </fieldset>
          <Field
            label={t('contents.new_title_label')}
            name="title"
            value={title}
            inputRef={titleRef}
            onChange={(event) => {
              setTitle(event.target.value);
              setMissingTitle(false);
            }}
            error={missingTitle ? t('form.required') : undefined}
          />
          {textField && (
            <div className="field">
              <label htmlFor={linesId}>{t('search.first_lines')}</label>
              <textarea
                id={linesId}
                name="first_lines"
                rows={3}
                value={firstLines}
                aria-describedby={`${linesId}-hint`}
                onChange={(event) => setFirstLines(event.target.value)}
              />
              <p id={`${linesId}-hint`} className="field-hint">
                {t('search.first_lines_hint')}
              </p>
            </div>
          )}
          <SimilarContents slug={slug} title={title} text={textField ? firstLines : ''} />
          <div className="form-actions">
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t('contents.creating') : t('contents.create')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
