import type { Membership } from '../api/types';

const storageKey = 'copydesk.workspace';

export function rememberWorkspace(slug: string): void {
  try {
    localStorage.setItem(storageKey, slug);
  } catch {
    // Private mode: the first workspace will do.
  }
}

function rememberedWorkspace(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** The workspace to open: the last one used on this browser if still a member, else the first. */
export function chooseWorkspace(
  memberships: readonly Membership[],
  remembered: string | null = rememberedWorkspace(),
): Membership | null {
  return (
    memberships.find((membership) => membership.workspace.slug === remembered) ??
    memberships[0] ??
    null
  );
}
