import { describe, expect, it } from 'vitest';
import { liveUrl, parseServerMessage, reconnectDelay, staleKeys, type LiveEvent } from './events';

const event = (kind: string, extra: Partial<LiveEvent> = {}): LiveEvent => ({
  type: 'event',
  seq: 7,
  kind,
  ...extra,
});

function matched(e: LiveEvent, key: unknown[]): boolean {
  return staleKeys(e).some((match) => match(key));
}

describe('staleKeys', () => {
  it('refreshes the bell for notifications, and only the bell', () => {
    const e = event('notification.created', { notification_id: 'n1' });
    expect(matched(e, ['me', 'notifications'])).toBe(true);
    expect(matched(e, ['me'])).toBe(false);
    expect(matched(e, ['content', 'c1'])).toBe(false);
  });

  it('refreshes a content’s comments, not its text, on a comment', () => {
    const e = event('comment.created', { content_id: 'c1', comment_id: 'm1' });
    expect(matched(e, ['content', 'c1', 'comments'])).toBe(true);
    expect(matched(e, ['content', 'c1'])).toBe(false);
    expect(matched(e, ['content', 'c2', 'comments'])).toBe(false);
  });

  it('refreshes My work and the content’s tasks on a task', () => {
    const e = event('task.created', { content_id: 'c1', task_id: 't1' });
    expect(matched(e, ['ws', 'acme', 'my-tasks'])).toBe(true);
    expect(matched(e, ['content', 'c1', 'tasks'])).toBe(true);
  });

  it('refreshes the content, its lists and the board on a save or a move', () => {
    for (const kind of ['content.updated', 'content.status_changed', 'approval.stale']) {
      const e = event(kind, { content_id: 'c1' });
      expect(matched(e, ['content', 'c1'])).toBe(true);
      expect(matched(e, ['ws', 'acme', 'contents', 'status=draft'])).toBe(true);
      expect(matched(e, ['content', 'c2'])).toBe(false);
    }
  });

  it('refreshes the content, its files, its lists and the library when a file changes', () => {
    const matches = staleKeys(event('attachment.added', { content_id: 'c1' }));
    const stale = (key: unknown[]) => matches.some((match) => match(key));
    expect(stale(['content', 'c1', 'attachments'])).toBe(true);
    expect(stale(['content', 'c1'])).toBe(true);
    expect(stale(['ws', 'acme', 'contents', ''])).toBe(true);
    expect(stale(['ws', 'acme', 'media', 'q=a'])).toBe(true);
    expect(stale(['content', 'c2', 'attachments'])).toBe(false);
    const version = staleKeys(event('media.version_added', {}));
    expect(version.some((match) => match(['media', 'm1', 'versions']))).toBe(true);
  });

  it('ignores kinds it does not know', () => {
    expect(staleKeys(event('something.new'))).toEqual([]);
  });
});

describe('the connection', () => {
  it('parses what it knows and drops the rest', () => {
    expect(parseServerMessage('{"type":"reset","seq":3}')).toEqual({ type: 'reset', seq: 3 });
    expect(parseServerMessage('nope')).toBeNull();
    expect(parseServerMessage('[1]')).toBeNull();
  });

  it('backs off up to half a minute', () => {
    expect(reconnectDelay(0, () => 1)).toBe(1000);
    expect(reconnectDelay(3, () => 1)).toBe(8000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(15_000);
  });

  it('resumes after the last event seen', () => {
    expect(liveUrl({ protocol: 'https:', host: 'desk.example' }, 42)).toBe(
      'wss://desk.example/api/v1/events?after=42',
    );
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, null)).toBe(
      'ws://127.0.0.1:8080/api/v1/events',
    );
  });
});
