import { describe, expect, it } from 'vitest';
import type { Task } from '../api/collab';
import { dueFromOffset, moveTask, offsetOf, orderTasks } from './tasks';

const task = (id: string, position: number, done = false): Task => ({
  id,
  workspace_id: 'w',
  content_id: 'c',
  project_id: null,
  title: id,
  description: '',
  assignees: [],
  due_at: null,
  done,
  done_at: null,
  done_by: null,
  position,
  created_by: 'u',
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
});

describe('orderTasks', () => {
  it('puts open tasks first, each group by position', () => {
    const tasks = [task('c', 0, true), task('b', 2), task('a', 1)];
    expect(orderTasks(tasks).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('moveTask', () => {
  const tasks = [task('brief', 0), task('draft', 1), task('visuals', 2), task('old', 3, true)];

  it('swaps positions with the neighbour', () => {
    expect(moveTask(tasks, 'draft', 'up')).toEqual([
      { id: 'draft', position: 0 },
      { id: 'brief', position: 1 },
    ]);
    expect(moveTask(tasks, 'draft', 'down')).toEqual([
      { id: 'visuals', position: 1 },
      { id: 'draft', position: 2 },
    ]);
  });

  it('does nothing at either end of its group', () => {
    expect(moveTask(tasks, 'brief', 'up')).toEqual([]);
    expect(moveTask(tasks, 'visuals', 'down')).toEqual([]);
    expect(moveTask(tasks, 'old', 'up')).toEqual([]);
    expect(moveTask(tasks, 'missing', 'up')).toEqual([]);
  });

  it('numbers the group again when positions are shared', () => {
    const tied = [task('a', 5), task('b', 5), task('c', 5)];
    const changes = moveTask(tied, 'c', 'up');
    const after = orderTasks(
      tied.map((t) => ({
        ...t,
        position: changes.find((c) => c.id === t.id)?.position ?? t.position,
      })),
    );
    expect(after.map((t) => t.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('dueFromOffset', () => {
  it('counts days before and after the publication date', () => {
    expect(dueFromOffset('2025-03-10', -7)).toBe('2025-03-03T00:00:00.000Z');
    expect(dueFromOffset('2025-03-10T09:00:00Z', 0)).toBe('2025-03-10T09:00:00.000Z');
    expect(dueFromOffset('2025-02-27T09:00:00Z', 2)).toBe('2025-03-01T09:00:00.000Z');
  });
});

describe('offsetOf', () => {
  it('is negative before the publication date, null without days', () => {
    expect(offsetOf({ days: '7', side: 'before' })).toBe(-7);
    expect(offsetOf({ days: '2', side: 'after' })).toBe(2);
    expect(offsetOf({ days: '0', side: 'before' })).toBe(0);
    expect(offsetOf({ days: ' ', side: 'after' })).toBeNull();
    expect(offsetOf({ days: 'x', side: 'after' })).toBeNull();
  });
});
