import type { QueryClient } from '@tanstack/react-query';

// The live channel's messages (docs/live.md) and what each event makes stale in the cache. Pure
// functions: the provider (LiveProvider) applies them; the tests read them.

/** A committed change the server told us about: ids only, the screens refetch what they show. */
export interface LiveEvent {
  type: 'event';
  seq: number;
  kind: string;
  workspace_id?: string;
  content_id?: string;
  comment_id?: string;
  task_id?: string;
  notification_id?: string;
  actor_id?: string;
  subject_id?: string;
}

export interface PresencePerson {
  id: string;
  name: string;
}

export type ServerMessage =
  | { type: 'hello'; seq: number; user_id: string }
  | LiveEvent
  | { type: 'reset'; seq: number }
  | { type: 'presence'; content_id: string; people: PresencePerson[] }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string; content_id?: string };

/** A message from the server, or null when it is not one we know. */
export function parseServerMessage(text: string): ServerMessage | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const type = (value as { type?: unknown }).type;
    return typeof type === 'string' ? (value as ServerMessage) : null;
  } catch {
    return null;
  }
}

/** Which cached queries an event makes stale, as matchers over query keys. */
export type KeyMatch = (key: readonly unknown[]) => boolean;

const under =
  (...prefix: unknown[]): KeyMatch =>
  (key) =>
    prefix.every((part, index) => key[index] === part);
/** A workspace query (['ws', slug, name, …]) of any workspace: events name ids, keys slugs. */
const inAnyWorkspace =
  (...names: string[]): KeyMatch =>
  (key) =>
    key[0] === 'ws' && typeof key[2] === 'string' && names.includes(key[2]);

const contentLists = inAnyWorkspace('contents', 'my-contents', 'activity');

export function staleKeys(event: LiveEvent): KeyMatch[] {
  const kind = event.kind;
  const content = event.content_id;
  if (kind.startsWith('notification.')) return [under('me', 'notifications')];
  if (kind.startsWith('comment.') && content) {
    return [under('content', content, 'comments'), under('content', content, 'activity')];
  }
  if (kind.startsWith('task.')) {
    const keys = [inAnyWorkspace('my-tasks')];
    if (content)
      keys.push(under('content', content, 'tasks'), under('content', content, 'activity'));
    return keys;
  }
  if (kind === 'content.purged') return [contentLists];
  if (
    content &&
    (kind.startsWith('content.') || kind.startsWith('approval.') || kind.startsWith('revision.'))
  ) {
    // The content and everything under it (revisions, activity, approvals), and the lists and
    // the board that show it.
    return [under('content', content), contentLists];
  }
  if (kind.startsWith('attachment.') && content) {
    // A file added, replaced or removed is a new revision of its content, and a paperclip count.
    return [under('content', content), contentLists, inAnyWorkspace('media')];
  }
  if (kind.startsWith('media.')) {
    // A new version shows in every content using the file: their pages read it again.
    const keys = [under('media'), inAnyWorkspace('media')];
    if (content) keys.push(under('content', content), contentLists);
    return keys;
  }
  if (kind.startsWith('member.') || kind === 'workspace.updated') {
    return [under('me'), inAnyWorkspace('members', 'invitations')];
  }
  if (kind.startsWith('team.')) return [inAnyWorkspace('teams')];
  if (kind.startsWith('channel.')) return [inAnyWorkspace('channels')];
  if (kind.startsWith('type.')) return [inAnyWorkspace('types')];
  if (kind.startsWith('project.')) return [inAnyWorkspace('projects')];
  if (kind.startsWith('workflow.')) return [inAnyWorkspace('workflow'), under('content')];
  if (kind.startsWith('task_list.')) return [inAnyWorkspace('task-lists')];
  if (kind.startsWith('view.')) return [inAnyWorkspace('views')];
  return [];
}

/** Marks stale what an event changed; the screens on show refetch it. */
export function applyEvent(queryClient: QueryClient, event: LiveEvent): void {
  const matches = staleKeys(event);
  if (matches.length === 0) return;
  void queryClient.invalidateQueries({
    predicate: (query) => matches.some((match) => match(query.queryKey)),
  });
}

/** How long to wait before the nth reconnection: doubling from 1 s up to 30 s, with jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.5 + random() / 2));
}

/** The live channel's address for this page, resuming after `seq` when known. */
export function liveUrl(
  location: { protocol: string; host: string },
  after: number | null,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = after === null ? '' : `?after=${after}`;
  return `${scheme}//${location.host}/api/v1/events${query}`;
}
