import type { Role } from '../api/types';

// The rules of sharing as the server applies them (collab/sharing.cpp, auth/policy.cpp), so the
// screens offer only what will work. The server stays the judge.

/** A level given to a member or a team by a share. */
export const shareLevels = ['read', 'comment', 'edit'] as const;
export type ShareLevel = (typeof shareLevels)[number];

/** A review link's level: a share's, or validate (comment plus a decision). */
export const linkLevels = ['read', 'comment', 'edit', 'validate'] as const;
export type LinkLevel = (typeof linkLevels)[number];

const dayMs = 24 * 60 * 60 * 1000;
/** Without an expiry, the server closes a link after 30 days; it keeps none past a year. */
export const defaultLinkDays = 30;
export const longestLinkDays = 365;
export const linkPasswordMin = 8;
export const linkPasswordMax = 256;
export const linkLabelMax = 200;

/** A day as the date input says it ("2025-03-07"), in the person's own time zone. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The expiry the link form starts with: the server's default, 30 days from today. */
export function defaultLinkExpiry(now: Date = new Date()): string {
  return dateInputValue(new Date(now.getTime() + defaultLinkDays * dayMs));
}

/** The first and last days the form lets one choose: tomorrow, and a year from today. */
export function linkExpiryBounds(now: Date = new Date()): { min: string; max: string } {
  return {
    min: dateInputValue(new Date(now.getTime() + dayMs)),
    max: dateInputValue(new Date(now.getTime() + longestLinkDays * dayMs)),
  };
}

/**
 * The chosen day as the API's `expires_at`: the link stays open until the end of that day, in
 * the person's time zone. Null for a value that is not a day.
 */
export function expiryFromDateInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  if (Number.isNaN(end.getTime()) || dateInputValue(end) !== value) return null;
  return end.toISOString();
}

export type LinkFormProblem = 'expiry_invalid' | 'expiry_past' | 'expiry_too_far' | 'password';

/** What is wrong with a link form before it is sent, or nothing. */
export function checkLinkForm(
  input: { expiry: string; password: string },
  now: Date = new Date(),
): LinkFormProblem[] {
  const problems: LinkFormProblem[] = [];
  const expires = expiryFromDateInput(input.expiry);
  if (expires === null) problems.push('expiry_invalid');
  else if (Date.parse(expires) <= now.getTime()) problems.push('expiry_past');
  else if (input.expiry > linkExpiryBounds(now).max) problems.push('expiry_too_far');
  const length = [...input.password].length;
  if (length > 0 && (length < linkPasswordMin || length > linkPasswordMax))
    problems.push('password');
  return problems;
}

/** What a level lets its holder do on a content, beyond reading it. */
export interface LevelActions {
  comment: boolean;
  edit: boolean;
  validate: boolean;
}

export function actionsOf(level: LinkLevel | null): LevelActions {
  return {
    comment: level === 'comment' || level === 'edit' || level === 'validate',
    edit: level === 'edit',
    validate: level === 'validate',
  };
}

/** The company's own people; guests see only what is shared with them. */
export function isStaff(role: Role): boolean {
  return role !== 'guest';
}

/**
 * Who may share a content and make its review links: admins and editors, contributors on what
 * they own or are assigned to.
 */
export function canShareContent(
  role: Role,
  userId: string,
  content: { owner: string | null; assignees: string[] },
): boolean {
  if (role === 'owner' || role === 'admin' || role === 'editor') return true;
  return role === 'contributor' && (content.owner === userId || content.assignees.includes(userId));
}

/** Every live link of the workspace is for its admins to see and close. */
export function canSeeAllLinks(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** The latest decision of each review link visitor (by e-mail), newest first. */
export function latestVisitorDecisions<
  A extends { visitor?: { email: string } | undefined; created_at: string },
>(approvals: A[]): (A & { visitor: { email: string } })[] {
  const latest = new Map<string, A & { visitor: { email: string } }>();
  for (const approval of approvals) {
    if (!approval.visitor) continue;
    const key = approval.visitor.email.toLowerCase();
    const known = latest.get(key);
    if (!known || Date.parse(approval.created_at) >= Date.parse(known.created_at))
      latest.set(key, approval as A & { visitor: { email: string } });
  }
  return [...latest.values()].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}
