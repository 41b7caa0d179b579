import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useApplyTaskList,
  useCreateTask,
  useDeleteTask,
  useReorderTasks,
  useTaskLists,
  useTasks,
  useUpdateTask,
  type Task,
  type TaskPatch,
} from '../../api/collab';
import type { Content, Member, StatusRef, Team } from '../../api/types';
import { useMoveContent } from '../../api/workflow';
import { ConfirmDialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatDate, formatList, toDateInput } from '../../lib/format';
import { mentionCandidates, type MentionCandidate } from '../../lib/mentions';
import { dueFromOffset, moveTask, orderTasks } from '../../lib/tasks';
import { CommentBody, MentionTextarea } from './MentionTextarea';

/**
 * The content's tasks in the team's order: tick them done, add one, edit, delete or move one,
 * or bring in a task list with due dates counted from the publication date.
 */
export function TasksPanel({
  content,
  slug,
  members,
  teams,
  mayManage,
  mayMove,
}: {
  content: Content;
  slug: string;
  members: Member[];
  teams: Team[];
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
  const reorder = useReorderTasks(content.id);
  const move = useMoveContent();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const candidates = useMemo(() => mentionCandidates(members, teams), [members, teams]);
  const ordered = useMemo(() => orderTasks(tasks.data ?? []), [tasks.data]);
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

  const error = create.error ?? update.error ?? remove.error ?? reorder.error ?? move.error;
  const shift = (task: Task, direction: 'up' | 'down') => {
    const changes = moveTask(tasks.data ?? [], task.id, direction);
    if (changes.length > 0) reorder.mutate(changes);
  };
  return (
    <section className="tasks-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="meta-title">
        {t('collab.tasks')}
      </h2>
      {tasks.data && tasks.data.length === 0 && <p className="muted">{t('collab.no_tasks')}</p>}
      <ul className="task-list">
        {ordered.map((task, index) =>
          editing === task.id ? (
            <li key={task.id} className="task task-editing">
              <TaskEditor
                task={task}
                members={members}
                candidates={candidates}
                busy={update.isPending}
                onCancel={() => setEditing(null)}
                onSave={(change) =>
                  update.mutate({ id: task.id, ...change }, { onSuccess: () => setEditing(null) })
                }
              />
            </li>
          ) : (
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
              {task.description && (
                <div className="task-description">
                  <CommentBody body={task.description} />
                </div>
              )}
              {mayManage && (
                <span className="task-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('collab.move_task_up', { title: task.title })}
                    disabled={
                      reorder.isPending || index === 0 || ordered[index - 1]!.done !== task.done
                    }
                    onClick={() => shift(task, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('collab.move_task_down', { title: task.title })}
                    disabled={
                      reorder.isPending ||
                      index === ordered.length - 1 ||
                      ordered[index + 1]!.done !== task.done
                    }
                    onClick={() => shift(task, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('collab.edit_task', { title: task.title })}
                    onClick={() => setEditing(task.id)}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('collab.delete_task', { title: task.title })}
                    onClick={() => setDeleting(task)}
                  >
                    {t('common.delete')}
                  </button>
                </span>
              )}
            </li>
          ),
        )}
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
      {mayManage && <ApplyTaskList content={content} slug={slug} />}
      {error && (
        <p className="field-error" role="alert">
          {genericErrorMessage(t, error)}
        </p>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('collab.delete_task_title', { title: deleting?.title ?? '' })}
        body={<p>{t('collab.delete_task_body')}</p>}
        confirm={t('common.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}

/** A task's title, description (with mentions), assignees and due date, changed in place. */
function TaskEditor({
  task,
  members,
  candidates,
  busy,
  onSave,
  onCancel,
}: {
  task: Task;
  members: Member[];
  candidates: readonly MentionCandidate[];
  busy: boolean;
  onSave: (change: TaskPatch) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [assignees, setAssignees] = useState<string[]>(task.assignees);
  const [due, setDue] = useState(toDateInput(task.due_at));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return;
    const change: TaskPatch = {};
    if (title.trim() !== task.title) change.title = title.trim();
    if (description !== task.description) change.description = description;
    if ([...assignees].sort().join() !== [...task.assignees].sort().join())
      change.assignees = assignees;
    if (due !== toDateInput(task.due_at)) change.due_at = due === '' ? null : due;
    if (Object.keys(change).length === 0) onCancel();
    else onSave(change);
  };
  return (
    <form
      className="task-form"
      onSubmit={submit}
      aria-label={t('collab.edit_task', { title: task.title })}
    >
      <label htmlFor={`${id}-title`}>{t('collab.task_title')}</label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={300}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
      />
      <MentionTextarea
        label={t('collab.task_description')}
        value={description}
        onChange={setDescription}
        candidates={candidates}
      />
      <fieldset className="task-assignees">
        <legend>{t('collab.assignees')}</legend>
        {members.map((m) => (
          <label key={m.user_id} className="checklist-item">
            <input
              type="checkbox"
              checked={assignees.includes(m.user_id)}
              onChange={(event) =>
                setAssignees(
                  event.target.checked
                    ? [...assignees, m.user_id]
                    : assignees.filter((user) => user !== m.user_id),
                )
              }
            />
            {m.name}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-due`}>{t('collab.due_date')}</label>
      <input
        id={`${id}-due`}
        type="date"
        value={due}
        onChange={(event) => setDue(event.target.value)}
      />
      <div className="comment-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || title.trim() === ''}
        >
          {t('common.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * "Apply a task list": its tasks are added, due the given number of days before or after the
 * content's publication date (the server counts). Without one, the dates are counted from a day
 * given here, or the tasks come without due dates.
 */
function ApplyTaskList({ content, slug }: { content: Content; slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const lists = useTaskLists(slug);
  const apply = useApplyTaskList(content.id);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const [from, setFrom] = useState('');
  const [applied, setApplied] = useState<{ name: string; count: number } | null>(null);
  const list = lists.data?.find((item) => item.id === chosen);
  const reference = content.publish_at ?? from;

  if (!open) {
    return (
      <div className="task-apply">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setOpen(true);
            setApplied(null);
          }}
        >
          {t('collab.apply_list')}
        </button>
        {applied && (
          <p className="muted" role="status">
            {t('collab.list_applied', { count: applied.count, name: applied.name })}
          </p>
        )}
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!list) return;
    apply.mutate(
      { taskList: list.id, ...(content.publish_at || !from ? {} : { publishAt: from }) },
      {
        onSuccess: (made) => {
          setApplied({ name: list.name, count: made.items.length });
          setOpen(false);
          setChosen('');
          setFrom('');
        },
      },
    );
  };
  return (
    <form className="task-form task-apply" onSubmit={submit} aria-label={t('collab.apply_list')}>
      <label htmlFor={`${id}-list`}>{t('collab.task_list')}</label>
      {lists.data && lists.data.length === 0 ? (
        <p className="muted">{t('collab.no_task_lists')}</p>
      ) : (
        <select
          id={`${id}-list`}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">{t('collab.choose_list')}</option>
          {(lists.data ?? []).map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      )}
      {content.publish_at ? (
        <p className="muted">
          {t('collab.list_from_publication', { date: formatDate(content.publish_at, locale) })}
        </p>
      ) : (
        <>
          <p className="muted">{t('collab.list_no_publication')}</p>
          <label htmlFor={`${id}-from`}>{t('collab.count_from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
        </>
      )}
      {list && (
        <ul className="task-preview">
          {list.tasks.map((item, index) => (
            <li key={index}>
              {item.title}
              {item.due_offset_days !== null && reference && (
                <span className="muted">
                  {' · '}
                  {t('collab.due', {
                    date: formatDate(dueFromOffset(reference, item.due_offset_days), locale),
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="comment-actions">
        <button type="submit" className="button button-primary" disabled={!list || apply.isPending}>
          {t('collab.apply_list_submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {apply.isError && (
        <p className="field-error" role="alert">
          {genericErrorMessage(t, apply.error)}
        </p>
      )}
    </form>
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
