import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { applyTaskList, useTaskLists } from '../../api/collab';
import type { Content, ContentType } from '../../api/types';
import { useCreateContent } from '../../api/contents';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { genericErrorMessage } from '../../lib/errors';
import { fromLocalInput } from '../../lib/format';
import { SimilarContents } from './SimilarContents';

/** The field the first lines go to: the type's main text (rich text first, not a lead or SEO). */
function firstTextField(type: ContentType | undefined) {
  for (const kind of ['richtext', 'longtext', 'text']) {
    const field = type?.fields.find((item) => item.kind === kind);
    if (field) return field;
  }
  return undefined;
}

/** "New content": the button that opens the form below. */
export function NewContentButton({ slug, types }: { slug: string; types: ContentType[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={() => setOpen(true)}
        disabled={types.length === 0}
      >
        {t('contents.new')}
      </button>
      <NewContentDialog slug={slug} types={types} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** A publication date chosen before the form opens (a day of the calendar), and how it reads. */
export interface PresetPublishAt {
  at: string;
  label: string;
}

/**
 * The new content's form: pick a type, give a title, optionally a task list (and the publication
 * date its due dates count from), land on the new content's page. Opened from a day of the
 * calendar, the publication date is that day's.
 */
export function NewContentDialog({
  slug,
  types,
  open,
  onClose,
  publishAt: preset,
}: {
  slug: string;
  types: ContentType[];
  open: boolean;
  onClose: () => void;
  publishAt?: PresetPublishAt | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContent(slug);
  const setOpen = (next: boolean) => {
    if (!next) onClose();
  };
  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [firstLines, setFirstLines] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const [taskList, setTaskList] = useState('');
  const [publishAt, setPublishAt] = useState('');
  // The content was made but its task list was not applied: said, with the way to the content.
  const [listFailed, setListFailed] = useState<{ content: Content; error: unknown } | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const groupId = useId();
  const listId = useId();
  const taskLists = useTaskLists(slug, open).data ?? [];
  const contentPath = (content: Content) =>
    `/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(content.id)}`;

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
      const publish = preset ? preset.at : taskList ? fromLocalInput(publishAt) : null;
      const content = await create.mutateAsync({
        type: chosen,
        title: title.trim(),
        ...(textField && lines ? { fields: { [textField.key]: lines } } : {}),
        ...(publish ? { publish_at: publish } : {}),
      });
      if (taskList) {
        // Content creation takes no task list: it is applied at once through the tasks.
        try {
          await applyTaskList(content.id, taskList);
        } catch (error) {
          setListFailed({ content, error });
          return;
        }
      }
      setOpen(false);
      navigate(contentPath(content));
    } catch {
      // Shown below the form.
    }
  };

  // Each opening starts a blank form.
  const { reset } = create;
  useEffect(() => {
    if (!open) return;
    setTitle('');
    setFirstLines('');
    setMissingTitle(false);
    setTaskList('');
    setPublishAt('');
    setListFailed(null);
    reset();
  }, [open, reset]);

  return (
    <>
      <Dialog open={open} title={t('contents.new_title')} onClose={() => setOpen(false)}>
        <form className="form form-tight" noValidate onSubmit={submit}>
          {create.isError && <Alert>{genericErrorMessage(t, create.error)}</Alert>}
          {listFailed && (
            <Alert>
              {t('contents.list_failed', { error: genericErrorMessage(t, listFailed.error) })}{' '}
              <Link to={contentPath(listFailed.content)} onClick={() => setOpen(false)}>
                {t('contents.open_created')}
              </Link>
            </Alert>
          )}
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
          {taskLists.length > 0 && (
            <div className="field">
              <label htmlFor={listId}>{t('contents.new_task_list')}</label>
              <select
                id={listId}
                value={taskList}
                onChange={(event) => setTaskList(event.target.value)}
              >
                <option value="">{t('contents.no_task_list')}</option>
                {taskLists.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {preset && (
            <p className="field-hint">{t('calendar.new_on_day', { date: preset.label })}</p>
          )}
          {taskList && !preset && (
            <div className="field">
              <label htmlFor={`${listId}-publish`}>{t('contents.new_publish_at')}</label>
              <input
                id={`${listId}-publish`}
                type="date"
                value={publishAt}
                aria-describedby={`${listId}-hint`}
                onChange={(event) => setPublishAt(event.target.value)}
              />
              <p id={`${listId}-hint`} className="field-hint">
                {t('contents.new_publish_hint')}
              </p>
            </div>
          )}
          <SimilarContents slug={slug} title={title} text={textField ? firstLines : ''} />
          <div className="form-actions">
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={create.isPending || listFailed !== null}
            >
              {create.isPending ? t('contents.creating') : t('contents.create')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
