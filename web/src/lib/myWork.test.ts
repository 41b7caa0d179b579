import { describe, expect, it } from 'vitest';
import type { Task } from '../api/collab';
import type { ContentSummary, Status } from '../api/types';
import { mergeMine, statusesAskingTeams, tasksByDue, waitingOnMyTeams } from './myWork';

const task = (id: string, due_at: string | null, extra: Partial<Task> = {}): Task => ({
  id,
  workspace_id: 'w',
  content_id: null,
  project_id: null,
  title: id,
  description: '',
  assignees: [],
  due_at,
  done: false,
  done_at: null,
  done_by: null,
  position: 0,
  created_by: 'u',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  ...extra,
});

const content = (id: string, updated_at: string, extra: Partial<ContentSummary> = {}) =>
  ({ id, updated_at, approvals: [], status: null, ...extra }) as ContentSummary;

describe('tasksByDue', () => {
  const now = Date.parse('2026-06-10T12:00:00Z');

  it('puts overdue tasks first and marks them, then by date, undated last', () => {
    const sorted = tasksByDue(
      [
        task('later', '2026-06-20T00:00:00Z'),
        task('undated', null),
        task('soon', '2026-06-11T00:00:00Z'),
        task('late', '2026-06-01T00:00:00Z'),
        task('very-late', '2026-05-01T00:00:00Z'),
      ],
      now,
    );
    expect(sorted.map((d) => d.task.id)).toEqual(['very-late', 'late', 'soon', 'later', 'undated']);
    expect(sorted.map((d) => d.overdue)).toEqual([true, true, false, false, false]);
  });

  it('leaves out done tasks and keeps the position order on the same date', () => {
    const sorted = tasksByDue(
      [
        task('b', '2026-06-11T00:00:00Z', { position: 2 }),
        task('done', '2026-06-01T00:00:00Z', { done: true }),
        task('a', '2026-06-11T00:00:00Z', { position: 1 }),
      ],
      now,
    );
    expect(sorted.map((d) => d.task.id)).toEqual(['a', 'b']);
  });
});

describe('mergeMine', () => {
  it('merges owned and assigned contents once each, newest first', () => {
    const merged = mergeMine(
      [content('a', '2026-06-01T00:00:00Z'), content('both', '2026-06-05T00:00:00Z')],
      [content('both', '2026-06-05T00:00:00Z'), content('c', '2026-06-09T00:00:00Z')],
    );
    expect(merged.map((c) => c.id)).toEqual(['c', 'both', 'a']);
  });

  it('is empty when I have nothing', () => {
    expect(mergeMine([], [])).toEqual([]);
  });
});

describe('approvals asked of my teams', () => {
  const statuses = [
    { id: 'draft', gate: null },
    { id: 'legal', gate: { teams: ['legal'], no_violations: false, blocking: true } },
    { id: 'brand', gate: { teams: ['brand', 'sales'], no_violations: false, blocking: false } },
  ] as Status[];
  const mine = new Set(['legal', 'sales']);

  it('finds the statuses whose gate asks one of my teams', () => {
    expect(statusesAskingTeams(statuses, mine)).toEqual(['legal', 'brand']);
    expect(statusesAskingTeams(statuses, new Set())).toEqual([]);
  });

  it('keeps only my teams that have not approved the current text', () => {
    const status = { id: 'legal', name: 'Legal', color: '', category: 'review' } as const;
    const approvedBy = (state: 'approved' | 'stale' | 'waiting') =>
      content('x', '2026-06-01T00:00:00Z', {
        status,
        approvals: [{ team_id: 'legal', team_name: 'Legal', state, latest: null }],
      });
    expect(waitingOnMyTeams(approvedBy('waiting'), statuses, mine)).toEqual(['legal']);
    expect(waitingOnMyTeams(approvedBy('stale'), statuses, mine)).toEqual(['legal']);
    expect(waitingOnMyTeams(approvedBy('approved'), statuses, mine)).toEqual([]);
  });
});
