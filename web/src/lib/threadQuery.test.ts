import { describe, expect, it } from 'vitest';
import type { CollabNotification } from '../api/collab';
import { threadQuery } from './notifications';

const mention: CollabNotification = {
  id: 'n1',
  kind: 'mentioned',
  workspace_id: 'w1',
  actor: { id: 'u1', name: 'Chloé Martin' },
  content: { id: 'c1', title: 'Winter tank safety' },
  subject_id: 'k1',
  data: { comment_id: 'k2', thread_id: 'k1', excerpt: 'Is this a legal promise?' },
  read: false,
  read_at: null,
  created_at: '2026-01-01T10:00:00Z',
};

describe('threadQuery', () => {
  it('opens a mention or a reply at its thread', () => {
    expect(threadQuery(mention)).toBe('?thread=k1');
    expect(threadQuery({ ...mention, kind: 'reply' })).toBe('?thread=k1');
  });

  it('opens anything else at the top of the content', () => {
    expect(threadQuery({ ...mention, kind: 'approval_requested', data: {} })).toBe('');
    expect(threadQuery({ ...mention, data: {} })).toBe('');
  });
});
