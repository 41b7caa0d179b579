import type { Task } from '../api/collab';
import type { ContentSummary, Status } from '../api/types';

// The My work page's arithmetic: which tasks come first, which contents are mine, which
// statuses wait for one of my teams. Pure, so it is tested without a server.

export interface DueTask {
  task: Task;
  overdue: boolean;
}

/** Open tasks by due date: overdue ones first (marked), then the dated ones, undated last. */
export function tasksByDue(tasks: readonly Task[], now: number = Date.now()): DueTask[] {
  const due = (task: Task) => (task.due_at ? Date.parse(task.due_at) : Number.POSITIVE_INFINITY);
  return tasks
    .filter((task) => !task.done)
    .map((task) => ({ task, overdue: due(task) < now }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        due(a.task) - due(b.task) ||
        a.task.position - b.task.position,
    );
}

/** Contents I own and contents I am assigned to, once each, newest change first. */
export function mergeMine(
  owned: readonly ContentSummary[],
  assigned: readonly ContentSummary[],
): ContentSummary[] {
  const seen = new Map<string, ContentSummary>();
  for (const content of [...owned, ...assigned]) {
    if (!seen.has(content.id)) seen.set(content.id, content);
  }
  return [...seen.values()].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
}

/** The statuses whose gate asks at least one of these teams. */
export function statusesAskingTeams(
  statuses: readonly Status[],
  teamIds: ReadonlySet<string>,
): string[] {
  return statuses
    .filter((status) => status.gate?.teams.some((team) => teamIds.has(team)))
    .map((status) => status.id);
}

/** Which of my teams a content still waits for (asked, and not approved on the current text). */
export function waitingOnMyTeams(
  content: ContentSummary,
  statuses: readonly Status[],
  teamIds: ReadonlySet<string>,
): string[] {
  const status = statuses.find((s) => s.id === content.status?.id);
  const asked = status?.gate?.teams.filter((team) => teamIds.has(team)) ?? [];
  return asked.filter(
    (team) => content.approvals.find((a) => a.team_id === team)?.state !== 'approved',
  );
}
