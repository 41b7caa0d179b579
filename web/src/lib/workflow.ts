import type { ContentSummary, Role, Status, Team } from '../api/types';
import type { TranslationKey } from '../i18n/keys';

// The workflow's rules as the screens need them. The server decides (workflow/workflow.cpp);
// these only choose what to offer.

/** The list with the element at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item as T);
  return next;
}

/** The ids of the teams `userId` belongs to. */
export function teamsOf(teams: readonly Team[], userId: string): string[] {
  return teams.filter((team) => team.members.includes(userId)).map((team) => team.id);
}

/**
 * The teams whose approval the user may give now: those the content's current status asks and
 * that the user is a member of. An owner's or admin's role does not answer for a team.
 */
export function teamsUserMayAnswerFor(
  statuses: readonly Status[],
  statusId: string | null,
  myTeams: readonly string[],
): string[] {
  const current = statuses.find((s) => s.id === statusId) ?? statuses[0];
  return (current?.gate?.teams ?? []).filter((team) => myTeams.includes(team));
}

/**
 * Who may lock or unlock: an admin, a member of a team the workflow has asked so far (the
 * content's approvals summary), and for unlocking whoever locked it. Owning the content gives
 * nothing more: the content's owner does not lift legal's lock.
 */
export function canLock(
  role: Role,
  userId: string,
  content: Pick<ContentSummary, 'owner' | 'lock' | 'approvals'>,
  myTeams: readonly string[],
): boolean {
  if (role === 'owner' || role === 'admin') return true;
  if (content.lock?.by === userId) return true;
  return content.approvals.some((team) => myTeams.includes(team.team_id));
}

/**
 * What the approvals panel says of the validated version. A validated revision older than the
 * current one is not what the reader sees: the line says the text changed since, so nobody
 * takes the current text for the validated one.
 */
export function validatedVersion(
  content: Pick<ContentSummary, 'validated_revision' | 'revision'>,
): { key: TranslationKey; values: Record<string, number>; current: boolean } {
  const validated = content.validated_revision;
  if (validated === null) return { key: 'approvals.not_validated', values: {}, current: false };
  if (validated === content.revision) {
    return { key: 'approvals.validated', values: { revision: validated }, current: true };
  }
  return {
    key: 'stale_approval.validated_not_current',
    values: { revision: validated, current: content.revision },
    current: false,
  };
}
