import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useContentsWhere,
  useFinishMyTask,
  useMyTasks,
  useNotifications,
  useReadNotification,
  type Task,
} from '../../api/collab';
import type { ContentSummary } from '../../api/types';
import { useWorkflow } from '../../api/workflow';
import { contentQuery } from '../../api/contents';
import { useTeams } from '../../api/members';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { formatDate, formatRelative } from '../../lib/format';
import { mergeMine, statusesAskingTeams, tasksByDue, waitingOnMyTeams } from '../../lib/myWork';
import { notificationMessage, threadQuery } from '../../lib/notifications';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { SubscribeButton } from '../feeds/SubscribeButton';

const EACH = 10;

/** Everything waiting for me in this workspace: tasks, my contents, approvals, mentions. */
export default function MyWorkScreen() {
  const { t } = useTranslation();
  const { membership } = useShell();
  useDocumentTitle(t('my_work.title'));
  const slug = membership.workspace.slug;
  return (
    <section className="page my-work">
      <div className="page-header">
        <h1>{t('my_work.title')}</h1>
        <div className="page-header-actions">
          <SubscribeButton target={{ workspace: slug, kind: 'my_work' }} />
        </div>
      </div>
      <MyTasks slug={slug} />
      {/* A guest owns nothing and answers for no team: what is theirs is on the home page. */}
      {membership.role !== 'guest' && <MyContents slug={slug} />}
      {membership.role !== 'guest' && <MyApprovals slug={slug} />}
      <MyMentions slug={slug} workspaceId={membership.workspace.id} />
    </section>
  );
}

const contentLink = (slug: string, id: string) =>
  `/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(id)}`;

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section className="my-work-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Loading({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? (
    <Alert>{t('my_work.load_failed')}</Alert>
  ) : (
    <p className="muted">{t('common.loading')}</p>
  );
}

function MyTasks({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tasks = useMyTasks(slug);
  const finish = useFinishMyTask(slug);
  const sorted = useMemo(() => tasksByDue(tasks.data ?? []), [tasks.data]);
  // The title of each task's content, to link to it (a handful of pages, cached with the page's).
  const contentIds = [...new Set(sorted.map((d) => d.task.content_id).filter(Boolean))] as string[];
  const contents = useQueries({ queries: contentIds.map((id) => contentQuery(id)) });
  const titleOf = new Map(contents.flatMap((q) => (q.data ? [[q.data.id, q.data.title]] : [])));
  // Ticked here stays ticked until the list comes back without the task (or the server refuses).
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const tick = (task: (typeof sorted)[number]['task']) => {
    setTicked((current) => new Set(current).add(task.id));
    finish.mutate(task, {
      onError: () =>
        setTicked((current) => {
          const next = new Set(current);
          next.delete(task.id);
          return next;
        }),
    });
  };

  return (
    <Section id="my-work-tasks" title={t('my_work.tasks_title')}>
      {!tasks.data ? (
        <Loading error={tasks.error} />
      ) : sorted.length === 0 ? (
        <p className="muted">{t('my_work.tasks_empty')}</p>
      ) : (
        <ul className="my-work-list">
          {sorted.map(({ task, overdue }) => (
            <li key={task.id} className={overdue ? 'my-work-task my-work-overdue' : 'my-work-task'}>
              <label>
                <input
                  type="checkbox"
                  checked={ticked.has(task.id)}
                  disabled={ticked.has(task.id)}
                  onChange={() => tick(task)}
                />
                {task.title}
              </label>
              <TaskMeta
                task={task}
                overdue={overdue}
                due={task.due_at ? formatDate(task.due_at, locale) : null}
              />
              {task.content_id && (
                <Link to={contentLink(slug, task.content_id)} className="my-work-content-link">
                  {titleOf.get(task.content_id) ?? t('my_work.open_content')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {finish.isError && <Alert>{t('my_work.task_failed')}</Alert>}
    </Section>
  );
}

function TaskMeta({ task, overdue, due }: { task: Task; overdue: boolean; due: string | null }) {
  const { t } = useTranslation();
  if (!task.due_at || !due) return <span className="muted">{t('my_work.no_due')}</span>;
  return overdue ? (
    <span className="my-work-badge-overdue">{t('my_work.overdue', { date: due })}</span>
  ) : (
    <span className="muted">{t('my_work.due', { date: due })}</span>
  );
}

function ContentRows({ slug, items }: { slug: string; items: ContentSummary[] }) {
  const locale = useLocale();
  return (
    <ul className="my-work-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={contentLink(slug, item.id)}>{item.title}</Link>
          {item.status && <span className="my-work-status">{item.status.name}</span>}
          <span className="muted">{formatRelative(item.updated_at, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

function MyContents({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { me } = useShell();
  const id = encodeURIComponent(me.user.id);
  const owned = useContentsWhere(slug, `owner=${id}&limit=${EACH}`);
  const assigned = useContentsWhere(slug, `assignee=${id}&limit=${EACH}`);
  const list = `/w/${encodeURIComponent(slug)}/contents`;
  return (
    <Section id="my-work-contents" title={t('my_work.contents_title')}>
      {!owned.data || !assigned.data ? (
        <Loading error={owned.error ?? assigned.error} />
      ) : owned.data.length + assigned.data.length === 0 ? (
        <p className="muted">{t('my_work.contents_empty')}</p>
      ) : (
        <ContentRows slug={slug} items={mergeMine(owned.data, assigned.data)} />
      )}
      <p className="my-work-more">
        <Link to={`${list}?owner=${id}`}>{t('my_work.all_owned')}</Link>
        <Link to={`${list}?assignee=${id}`}>{t('my_work.all_assigned')}</Link>
      </p>
    </Section>
  );
}

function MyApprovals({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { me } = useShell();
  const statuses = useWorkflow(slug);
  const teams = useTeams(slug);
  const myTeams = useMemo(
    () =>
      new Set(
        (teams.data ?? [])
          .filter((team) => team.members.includes(me.user.id))
          .map((team) => team.id),
      ),
    [teams.data, me.user.id],
  );
  const asking = statuses.data ? statusesAskingTeams(statuses.data, myTeams) : [];
  const query = asking.map((s) => `status=${encodeURIComponent(s)}`).join('&');
  const contents = useContentsWhere(slug, `${query}&limit=50`, asking.length > 0);
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const waiting = (contents.data ?? []).flatMap((item) => {
    const mine = waitingOnMyTeams(item, statuses.data ?? [], myTeams);
    return mine.length ? [{ item, mine }] : [];
  });

  let body: React.ReactNode;
  if (!statuses.data || !teams.data) body = <Loading error={statuses.error ?? teams.error} />;
  else if (asking.length > 0 && !contents.data) body = <Loading error={contents.error} />;
  else if (waiting.length === 0) body = <p className="muted">{t('my_work.approvals_empty')}</p>;
  else
    body = (
      <ul className="my-work-list">
        {waiting.map(({ item, mine }) => (
          <li key={item.id}>
            <Link to={contentLink(slug, item.id)}>{item.title}</Link>
            {item.status && <span className="my-work-status">{item.status.name}</span>}
            <span className="muted">
              {t('my_work.approval_for', {
                teams: mine.map((team) => teamName.get(team) ?? '').join(', '),
              })}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <Section id="my-work-approvals" title={t('my_work.approvals_title')}>
      {body}
    </Section>
  );
}

function MyMentions({ slug, workspaceId }: { slug: string; workspaceId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notifications = useNotifications();
  const read = useReadNotification();
  const mentions = (notifications.data?.items ?? []).filter(
    (n) => n.kind === 'mentioned' && !n.read && n.workspace_id === workspaceId,
  );
  return (
    <Section id="my-work-mentions" title={t('my_work.mentions_title')}>
      {!notifications.data ? (
        <Loading error={notifications.error} />
      ) : mentions.length === 0 ? (
        <p className="muted">{t('my_work.mentions_empty')}</p>
      ) : (
        <ul className="my-work-list">
          {mentions.map((n) => {
            const { key, values } = notificationMessage(n);
            const text = String(t(key, values));
            return (
              <li key={n.id}>
                {n.content ? (
                  <Link
                    to={`${contentLink(slug, n.content.id)}${threadQuery(n)}`}
                    onClick={() => read.mutate(n.id)}
                  >
                    {text}
                  </Link>
                ) : (
                  <span>{text}</span>
                )}
                <span className="muted">{formatRelative(n.created_at, locale)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
