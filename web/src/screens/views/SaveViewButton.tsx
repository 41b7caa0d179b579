import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateView, type WorkspaceRef } from '../../api/search';
import type { Role } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { genericErrorMessage } from '../../lib/errors';
import { filtersToView, type FilterScreen, type ListFilters } from '../../lib/filters';
import { canShareView } from '../../lib/permissions';

/**
 * "Save view": keeps the screen's words, filters and sort under a name, in the sidebar; this
 * browser also remembers the screen (list, board, results) to open it on again.
 */
export function SaveViewButton({
  workspace,
  role,
  filters,
  screen,
}: {
  workspace: WorkspaceRef;
  role: Role;
  filters: ListFilters;
  screen: FilterScreen;
}) {
  const { t } = useTranslation();
  const create = useCreateView(workspace);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [missingName, setMissingName] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const notKept =
    Boolean(filters.dates.due.from || filters.dates.due.to) ||
    filters.sort === 'title' ||
    filters.sort === 'created' ||
    filters.sort === 'due_at';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setMissingName(true);
      nameRef.current?.focus();
      return;
    }
    try {
      await create.mutateAsync({ name: name.trim(), shared, screen, ...filtersToView(filters) });
      setOpen(false);
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setName(filters.q.trim());
          setShared(false);
          setMissingName(false);
          create.reset();
          setOpen(true);
        }}
      >
        {t('views.save')}
      </button>
      <Dialog open={open} title={t('views.save_title')} onClose={() => setOpen(false)}>
        <form className="form form-tight" noValidate onSubmit={submit}>
          {create.isError && <Alert>{genericErrorMessage(t, create.error)}</Alert>}
          <Field
            label={t('views.name')}
            hint={t('views.name_hint')}
            name="name"
            value={name}
            maxLength={100}
            inputRef={nameRef}
            onChange={(event) => {
              setName(event.target.value);
              setMissingName(false);
            }}
            error={missingName ? t('form.required') : undefined}
          />
          {canShareView(role) && (
            <fieldset className="view-who">
              <legend>{t('views.who')}</legend>
              <label>
                <input
                  type="radio"
                  name="who"
                  checked={!shared}
                  onChange={() => setShared(false)}
                />
                {t('views.private')}
              </label>
              <label>
                <input type="radio" name="who" checked={shared} onChange={() => setShared(true)} />
                {t('views.shared')}
              </label>
            </fieldset>
          )}
          {notKept && <p className="field-hint">{t('views.not_kept')}</p>}
          <div className="form-actions">
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {t('common.save')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
