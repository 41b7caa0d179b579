import type { Task } from '../api/collab';

// The order of a content's tasks, as the team set it: open ones first, each group by its position
// (a task list's tasks come in the list's order). Moving a task swaps it with its neighbour.

/** Open tasks first, then done ones; in each, by position, then by creation. */
export function orderTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort(
    (a, b) =>
      Number(a.done) - Number(b.done) ||
      a.position - b.position ||
      a.created_at.localeCompare(b.created_at) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The positions to send to move a task one place up or down among the tasks of its group (open
 * or done); none when it is already at that end. Positions are swapped; where two tasks shared a
 * position, the group is numbered again from its lowest, so the move always shows.
 */
export function moveTask(
  tasks: readonly Task[],
  id: string,
  direction: 'up' | 'down',
): { id: string; position: number }[] {
  const moving = tasks.find((task) => task.id === id);
  if (!moving) return [];
  const group = orderTasks(tasks).filter((task) => task.done === moving.done);
  const from = group.indexOf(moving);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= group.length) return [];
  const reordered = [...group];
  [reordered[from], reordered[to]] = [reordered[to]!, reordered[from]!];
  let positions = group.map((task) => task.position);
  if (new Set(positions).size !== positions.length) {
    positions = group.map((_, index) => positions[0]! + index);
  }
  const changes: { id: string; position: number }[] = [];
  reordered.forEach((task, index) => {
    if (task.position !== positions[index])
      changes.push({ id: task.id, position: positions[index]! });
  });
  return changes;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The due date a task list's task gets, as the server counts it: the publication date (an instant,
 * or a day read as UTC midnight) plus whole days.
 */
export function dueFromOffset(publishAt: string, offsetDays: number): string {
  return new Date(Date.parse(publishAt) + offsetDays * dayMs).toISOString();
}

/**
 * A task list's task offset from what the settings ask: a number of days (empty for no due date)
 * and before or after the publication date. Negative is before.
 */
export function offsetOf(row: { days: string; side: 'before' | 'after' }): number | null {
  if (row.days.trim() === '') return null;
  const days = Math.abs(Math.trunc(Number(row.days)));
  if (Number.isNaN(days)) return null;
  return row.side === 'before' && days > 0 ? -days : days;
}
