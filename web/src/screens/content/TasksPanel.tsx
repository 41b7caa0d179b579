import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateTask, useDeleteTask, useTasks, useUpdateTask } from '../../api/collab';
import type { Content, Member, StatusRef } from '../../api/types';
import { useMoveContent } from '../../api/workflow';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatDate, formatList } from '../../lib/format';

/** The content's tasks: tick them done, add one with an assignee and a due date. */
export function TasksPanel({
  content,
  members,
  mayManage,
  mayMove,
}: {
  content: Content;
  members: Member[];
  mayManage: boolean;
  /** Whether this person may move the content's status, so the suggestion can be followed. */
  mayMove: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const formId = useId();
  const tasks = useTasks(content.id);
  const create = useCreateTask(content.id);
  const update = useUpdateTask(content.id);
  const remove = useDeleteTask(content.id);
  const move = useMoveContent();
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [suggested, setSuggested] = useState<StatusRef | null>(null);
  const nameOf = (id: string) => members.find((m) => m.user_id === id)?.name ?? t('collab.someone');

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return;
    create.mutate(
      {
        title: title.trim(),
        ...(assignee ? { assignees: [assignee] } : {}),
        ...(due ? { due_at: due } : {}),
      },
      {
        onSuccess: () => {
          setTitle('');
          setAssignee('');
          setDue('');
        },
      },
    );
  };

  const error = create.error ?? update.error ?? remove.error ?? move.error;
  return (
    <section className="tasks-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="meta-title">
        {t('collab.tasks')}
      </h2>
      {tasks.data && tasks.data.length === 0 && <p className="muted">{t('collab.no_tasks')}</p>}
      <ul className="task-list">
        {(tasks.data ?? []).map((task) => (
          <li key={task.id} className={task.done ? 'task task-done' : 'task'}>
            <TaskBox
              title={task.title}
              done={task.done}
              onChange={(done, settled) =>
                update.mutate(
                  { id: task.id, done },
                  {
                    onSuccess: (change) => setSuggested(change.suggest_next_status ?? null),
                    onSettled: settled,
                  },
                )
              }
            />
            <span className="muted task-meta">
              {task.assignees.length > 0 && formatList(task.assignees.map(nameOf), locale)}
              {task.due_at && ` · ${t('collab.due', { date: formatDate(task.due_at, locale) })}`}
            </span>
            {mayManage && (
              <button
                type="button"
                className="link-button"
                aria-label={t('collab.delete_task', { title: task.title })}
                onClick={() => remove.mutate(task.id)}
              >
                {t('common.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {suggested && mayMove && (
        <div className="task-suggest" role="status">
          <span>{t('collab.all_done')}</span>
          <button
            type="button"
            className="button button-primary"
            disabled={move.isPending}
            onClick={() =>
              move.mutate(
                { id: content.id, status: suggested.id },
                { onSuccess: () => setSuggested(null) },
              )
            }
          >
            {t('collab.move_to', { status: suggested.name })}
          </button>
          <button type="button" className="link-button" onClick={() => setSuggested(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {mayManage && (
        <form className="task-form" onSubmit={add} aria-label={t('collab.add_task')}>
          <label htmlFor={`${formId}-title`}>{t('collab.task_title')}</label>
          <input
            id={`${formId}-title`}
            value={title}
            maxLength={300}
            onChange={(event) => setTitle(event.target.value)}
          />
          <label htmlFor={`${formId}-assignee`}>{t('collab.assignee')}</label>
          <select
            id={`${formId}-assignee`}
            value={assignee}
            onChange={(event) => setAssignee(event.target.value)}
          >
            <option value="">{t('collab.nobody')}</option>
            {members.map((m) => (
              <option key={m.user_id} value={m.user_id}>
                {m.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${formId}-due`}>{t('collab.due_date')}</label>
          <input
            id={`${formId}-due`}
            type="date"
            value={due}
            onChange={(event) => setDue(event.target.value)}
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={title.trim() === '' || create.isPending}
          >
            {t('collab.add_task')}
          </button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {genericErrorMessage(t, error)}
        </p>
      )}
    </section>
  );
}

/** The done box: it shows the tick at once, and the server's answer when it comes. */
function TaskBox({
  title,
  done,
  onChange,
}: {
  title: string;
  done: boolean;
  onChange: (done: boolean, settled: () => void) => void;
}) {
  const [pending, setPending] = useState<boolean | null>(null);
  return (
    <label className="checklist-item">
      <input
        type="checkbox"
        checked={pending ?? done}
        onChange={(event) => {
          const next = event.target.checked;
          setPending(next);
          onChange(next, () => setPending(null));
        }}
      />
      <span className="task-title">{title}</span>
    </label>
  );
}
