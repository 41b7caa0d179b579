import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ContentPage, StatusRef } from './types';

// Comments, tasks and notifications (issue 7). Comments and tasks live under the content's key,
// so they go with it; notifications are the account's own.

export interface PersonRef {
  id: string | null;
  name: string;
}

export interface Anchor {
  field: string;
  quote: string;
  revision: number;
  offset: number;
}

export interface Comment {
  id: string;
  content_id: string;
  parent: string | null;
  author: PersonRef;
  body: string;
  internal: boolean;
  anchor: Anchor | null;
  anchor_state: 'active' | 'removed' | null;
  resolved: boolean;
  resolved_at: string | null;
  resolved_by: string | null;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
}

export interface CommentThread extends Comment {
  replies: Comment[];
}

export interface NewComment {
  body: string;
  parent?: string;
  anchor?: { field: string; quote: string; revision?: number; offset?: number };
}

export interface Task {
  id: string;
  workspace_id: string;
  content_id: string | null;
  project_id: string | null;
  title: string;
  description: string;
  assignees: string[];
  due_at: string | null;
  done: boolean;
  done_at: string | null;
  done_by: string | null;
  position: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TaskChange extends Task {
  suggest_next_status?: StatusRef;
}

export interface NewTask {
  title: string;
  assignees?: string[];
  due_at?: string | null;
}

/** A change to a task; what is left out stays as it is. */
export interface TaskPatch {
  title?: string;
  description?: string;
  assignees?: string[];
  due_at?: string | null;
  done?: boolean;
  position?: number;
}

/** One task of a task list, due some days before (negative) or after the publication date. */
export interface TaskTemplate {
  title: string;
  due_offset_days: number | null;
}

/** A reusable list of tasks ("Article": brief, draft, visuals, legal check, publication). */
export interface TaskList {
  id: string;
  name: string;
  tasks: TaskTemplate[];
  created_at: string;
  updated_at: string;
}

/** The kinds of notification, in the order the settings list them. */
export const notificationKinds = [
  'mentioned',
  'assigned',
  'reply',
  'approval_requested',
  'decision',
  'approval_stale',
  'task_due',
  'task_overdue',
  'shared',
  'webhook_paused',
  'publication_near',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface CollabNotification {
  id: string;
  kind: NotificationKind;
  workspace_id: string;
  actor: PersonRef | null;
  content: { id: string; title: string } | null;
  subject_id: string | null;
  data: Record<string, unknown>;
  read: boolean;
  read_at: string | null;
  created_at: string;
}

export interface NotificationPage {
  items: CollabNotification[];
  unread: number;
  next_cursor: string | null;
}

const contentPath = (id: string) => `/api/v1/contents/${encodeURIComponent(id)}`;
const commentPath = (id: string) => `/api/v1/comments/${encodeURIComponent(id)}`;

export const collabKeys = {
  comments: (contentId: string) => ['content', contentId, 'comments'] as const,
  tasks: (contentId: string) => ['content', contentId, 'tasks'] as const,
  notifications: ['me', 'notifications'] as const,
  myTasks: (slug: string) => ['ws', slug, 'my-tasks'] as const,
  myContents: (slug: string, query: string) => ['ws', slug, 'my-contents', query] as const,
  taskLists: (slug: string) => ['ws', slug, 'task-lists'] as const,
};

const wsPath = (slug: string) => `/api/v1/workspaces/${encodeURIComponent(slug)}`;

export function useComments(contentId: string) {
  return useQuery({
    queryKey: collabKeys.comments(contentId),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: CommentThread[] }>(`${contentPath(contentId)}/comments`, signal))
        .items,
    refetchInterval: 30_000,
  });
}

/** Every change to a comment answers with less than the threads: they are read again. */
export function useCommentAction(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      action:
        | { kind: 'create'; input: NewComment }
        | { kind: 'edit'; id: string; body: string }
        | { kind: 'delete'; id: string }
        | { kind: 'resolve' | 'reopen'; id: string },
    ) => {
      switch (action.kind) {
        case 'create':
          return api.post(`${contentPath(contentId)}/comments`, action.input);
        case 'edit':
          return api.patch(commentPath(action.id), { body: action.body });
        case 'delete':
          return api.delete(commentPath(action.id));
        default:
          return api.post(`${commentPath(action.id)}/${action.kind}`);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.comments(contentId) }),
  });
}

export function useTasks(contentId: string) {
  return useQuery({
    queryKey: collabKeys.tasks(contentId),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Task[] }>(`${contentPath(contentId)}/tasks`, signal)).items,
    refetchInterval: 30_000,
  });
}

export function useCreateTask(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTask) => api.post<Task>(`${contentPath(contentId)}/tasks`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.tasks(contentId) }),
  });
}

export function useUpdateTask(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: TaskPatch & { id: string }) =>
      api.patch<TaskChange>(`/api/v1/tasks/${encodeURIComponent(id)}`, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.tasks(contentId) }),
  });
}

/**
 * Moves a task up or down: the positions that change are sent one by one, then the tasks are
 * read again.
 */
export function useReorderTasks(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: { id: string; position: number }[]) => {
      for (const { id, position } of changes)
        await api.patch<TaskChange>(`/api/v1/tasks/${encodeURIComponent(id)}`, { position });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.tasks(contentId) }),
  });
}

/**
 * Adds every task of a task list to a content, due relative to its publication date (the
 * server's; `publish_at` when the content has none yet).
 */
export function applyTaskList(contentId: string, taskList: string, publishAt?: string) {
  return api.post<{ items: Task[] }>(`${contentPath(contentId)}/tasks`, {
    task_list: taskList,
    ...(publishAt ? { publish_at: publishAt } : {}),
  });
}

export function useApplyTaskList(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskList, publishAt }: { taskList: string; publishAt?: string }) =>
      applyTaskList(contentId, taskList, publishAt),
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.tasks(contentId) }),
  });
}

export function useDeleteTask(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/tasks/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.tasks(contentId) }),
  });
}

/** The latest notifications and the unread count, asked again every 30 seconds. */
export function useNotifications() {
  return useQuery({
    queryKey: collabKeys.notifications,
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/v1/me/notifications?limit=30', signal),
    refetchInterval: 30_000,
  });
}

export function useReadNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all'
        ? api.post('/api/v1/me/notifications/read-all')
        : api.post(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.notifications }),
  });
}

// ---- My work ---------------------------------------------------------------------------------

/** My open tasks in the workspace (`assignee=me` is the caller). */
export function useMyTasks(slug: string) {
  return useQuery({
    queryKey: collabKeys.myTasks(slug),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Task[] }>(`${wsPath(slug)}/tasks?assignee=me&done=false`, signal))
        .items,
    refetchInterval: 30_000,
  });
}

/** Ticks one of my tasks done, then reads my tasks (and its content's) again. */
export function useFinishMyTask(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) =>
      api.patch<TaskChange>(`/api/v1/tasks/${encodeURIComponent(task.id)}`, { done: true }),
    onSettled: async (_result, _error, task) => {
      await queryClient.invalidateQueries({ queryKey: collabKeys.myTasks(slug) });
      if (task.content_id) {
        await queryClient.invalidateQueries({ queryKey: collabKeys.tasks(task.content_id) });
      }
    },
  });
}

/**
 * One page of the workspace's contents for a query string (`owner=…`, `status=…`), newest first.
 * Its key is not under 'contents', so the list screen's refreshes leave it alone.
 */
export function useContentsWhere(slug: string, query: string, enabled = true) {
  return useQuery({
    queryKey: collabKeys.myContents(slug, query),
    queryFn: async ({ signal }) =>
      (await api.get<ContentPage>(`${wsPath(slug)}/contents?${query}`, signal)).items,
    enabled,
  });
}

// ---- Task lists ------------------------------------------------------------------------------

export function useTaskLists(slug: string, enabled = true) {
  return useQuery({
    queryKey: collabKeys.taskLists(slug),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: TaskList[] }>(`${wsPath(slug)}/task-lists`, signal)).items,
    enabled,
  });
}

/** Creates a task list, or renames one and replaces its tasks. */
export function useSaveTaskList(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id?: string; name: string; tasks: TaskTemplate[] }) =>
      id
        ? api.patch<TaskList>(`${wsPath(slug)}/task-lists/${encodeURIComponent(id)}`, input)
        : api.post<TaskList>(`${wsPath(slug)}/task-lists`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.taskLists(slug) }),
  });
}

export function useDeleteTaskList(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${wsPath(slug)}/task-lists/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: collabKeys.taskLists(slug) }),
  });
}

// ---- Notification preferences ------------------------------------------------------------------

/** How one hears of a kind: in the app only, an e-mail at once, the daily digest, or not at all. */
export const deliveries = ['in_app', 'email', 'digest', 'off'] as const;
export type Delivery = (typeof deliveries)[number];

export interface NotificationPreferences {
  preferences: Record<NotificationKind, Delivery>;
  defaults: Record<NotificationKind, Delivery>;
  /** False when the server has no SMTP server: e-mail choices show in the app only. */
  email_enabled: boolean;
}

const preferencesKey = ['me', 'notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) =>
      api.get<NotificationPreferences>('/api/v1/me/notification-preferences', signal),
  });
}

/** Changes how one hears of some kinds; the answer is every kind's choice. */
export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<Record<NotificationKind, Delivery>>) =>
      api.patch<NotificationPreferences>('/api/v1/me/notification-preferences', {
        preferences: changes,
      }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}
