import type { ContentSummary, Role } from '../api/types';

// What a role may do, as the server decides it (auth/policy.cpp), so the screens offer only what
// will work. The server stays the judge: these only hide or disable.

const admin = (role: Role) => role === 'owner' || role === 'admin';

export function canManageWorkspace(role: Role): boolean {
  return admin(role);
}

/**
 * Bringing someone new into the workspace, from the members screen or by sharing a content with
 * an e-mail that is not a member's: owners and admins.
 */
export function canInviteMembers(role: Role): boolean {
  return admin(role);
}

export function canCreateContent(role: Role): boolean {
  return admin(role) || role === 'editor' || role === 'contributor';
}

type Facts = Pick<ContentSummary, 'owner' | 'assignees'>;

export function canEditContent(role: Role, userId: string, content: Facts): boolean {
  if (admin(role) || role === 'editor') return true;
  return role === 'contributor' && (content.owner === userId || content.assignees.includes(userId));
}

/** Who hands a content on to another owner: editors and above, never a contributor. */
export function canChangeOwner(role: Role): boolean {
  return admin(role) || role === 'editor';
}

export function canArchiveContent(role: Role, userId: string, content: Facts): boolean {
  if (admin(role) || role === 'editor') return true;
  return role === 'contributor' && content.owner === userId;
}

export function canPurgeContent(role: Role): boolean {
  return admin(role);
}

/** Sharing a saved view with the workspace is for its staff; guests keep their views. */
export function canShareView(role: Role): boolean {
  return role !== 'guest';
}

/** A saved view is changed by its author, or by an admin when it is shared. */
export function canChangeView(
  role: Role,
  userId: string,
  view: { author_id: string; shared: boolean },
): boolean {
  return view.author_id === userId || (view.shared && admin(role));
}

/** Adding and removing a content's tasks: as for editing it (assignees may still tick theirs). */
export function canManageTasks(role: Role, userId: string, content: Facts): boolean {
  return canEditContent(role, userId, content);
}
