import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useDeleteTaskList,
  useSaveTaskList,
  useTaskLists,
  type TaskList,
  type TaskTemplate,
} from '../../api/collab';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { MoveButtons } from '../../components/MoveButtons';
import { genericErrorMessage } from '../../lib/errors';
import { offsetOf } from '../../lib/tasks';
import { moveItem } from '../../lib/workflow';

/** One task of the list being edited: its days apart from the publication date, and which way. */
interface Row {
  title: string;
  days: string;
  side: 'before' | 'after';
}

const toRow = (task: TaskTemplate): Row => ({
  title: task.title,
  days: task.due_offset_days === null ? '' : String(Math.abs(task.due_offset_days)),
  side: (task.due_offset_days ?? 0) < 0 ? 'before' : 'after',
});

/** The workspace's task lists ("Article": brief, draft, visuals…), for editors and admins. */
export function TaskListsSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lists = useTaskLists(slug);
  const remove = useDeleteTaskList(slug);
  const [editing, setEditing] = useState<TaskList | 'new' | null>(null);

  return (
    <div className="settings-section">
      <p className="muted">{t('task_lists.intro')}</p>
      {remove.isError && <Alert>{genericErrorMessage(t, remove.error)}</Alert>}
      {lists.data && lists.data.length === 0 && <p className="muted">{t('task_lists.none')}</p>}
      {lists.data && lists.data.length > 0 && (
        <DataTable columns={[t('task_lists.name'), t('task_lists.tasks')]} actions>
          {lists.data.map((list) => (
            <tr key={list.id}>
              <td>{list.name}</td>
              <td>{list.tasks.map((task) => task.title).join(' · ')}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('settings.edit_named', { name: list.name })}
                  onClick={() => setEditing(list)}
                >
                  {t('common.edit')}
                </button>
                <ConfirmButton
                  label={t('common.delete')}
                  ariaLabel={t('settings.delete_named', { name: list.name })}
                  className="link-button"
                  title={t('task_lists.delete_title', { name: list.name })}
                  body={<p>{t('task_lists.delete_body')}</p>}
                  busy={remove.isPending}
                  onConfirm={(done) => remove.mutate(list.id, { onSettled: done })}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing === null ? (
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          {t('task_lists.new')}
        </button>
      ) : (
        <TaskListEditor
          key={editing === 'new' ? 'new' : editing.id}
          slug={slug}
          list={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function TaskListEditor({
  slug,
  list,
  onDone,
}: {
  slug: string;
  list: TaskList | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSaveTaskList(slug);
  const [name, setName] = useState(list?.name ?? '');
  const [rows, setRows] = useState<Row[]>(
    list ? list.tasks.map(toRow) : [{ title: '', days: '', side: 'before' }],
  );
  const [invalid, setInvalid] = useState(false);
  const setRow = (index: number, change: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const move = (from: number, to: number) => setRows(moveItem(rows, from, to));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tasks = rows
      .filter((row) => row.title.trim() !== '')
      .map((row) => ({ title: row.title.trim(), due_offset_days: offsetOf(row) }));
    if (name.trim() === '' || tasks.length === 0) {
      setInvalid(true);
      return;
    }
    save.mutate(
      { ...(list ? { id: list.id } : {}), name: name.trim(), tasks },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      className="form task-list-editor"
      noValidate
      onSubmit={submit}
      aria-label={list ? t('task_lists.edit', { name: list.name }) : t('task_lists.new')}
    >
      {save.isError && <Alert>{genericErrorMessage(t, save.error)}</Alert>}
      {invalid && <Alert>{t('task_lists.invalid')}</Alert>}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('task_lists.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={120}
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <DataTable columns={[t('task_lists.task_title'), t('task_lists.due')]} actions>
        {rows.map((row, index) => (
          <tr key={index}>
            <td>
              <input
                aria-label={t('task_lists.task_n', { n: index + 1 })}
                value={row.title}
                maxLength={300}
                onChange={(event) => setRow(index, { title: event.target.value })}
              />
            </td>
            <td className="task-list-offset">
              <input
                type="number"
                min={0}
                max={3650}
                aria-label={t('task_lists.days_n', { n: index + 1 })}
                value={row.days}
                onChange={(event) => setRow(index, { days: event.target.value })}
              />
              <select
                aria-label={t('task_lists.side_n', { n: index + 1 })}
                value={row.side}
                onChange={(event) => setRow(index, { side: event.target.value as Row['side'] })}
              >
                <option value="before">{t('task_lists.before')}</option>
                <option value="after">{t('task_lists.after')}</option>
              </select>
            </td>
            <td className="row-actions">
              <MoveButtons index={index} count={rows.length} onMove={move} />
              <button
                type="button"
                className="icon-button"
                aria-label={t('task_lists.remove_task', { n: index + 1 })}
                disabled={rows.length === 1}
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="field-hint">{t('task_lists.due_hint')}</p>
      <button
        type="button"
        className="link-button"
        disabled={rows.length >= 50}
        onClick={() => setRows([...rows, { title: '', days: '', side: 'before' }])}
      >
        {t('task_lists.add_task')}
      </button>
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
