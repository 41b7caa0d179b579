import { describe, expect, it } from 'vitest';
import {
  canArchiveContent,
  canChangeOwner,
  canChangeView,
  canShareView,
  canCreateContent,
  canEditContent,
  canInviteMembers,
  canPurgeContent,
} from './permissions';

const content = { owner: 'u1', assignees: ['u2'] };

describe('permissions', () => {
  it('lets editors and admins edit anything, contributors only their own or assigned', () => {
    expect(canEditContent('editor', 'x', content)).toBe(true);
    expect(canEditContent('admin', 'x', content)).toBe(true);
    expect(canEditContent('contributor', 'u1', content)).toBe(true);
    expect(canEditContent('contributor', 'u2', content)).toBe(true);
    expect(canEditContent('contributor', 'u3', content)).toBe(false);
    expect(canEditContent('reviewer', 'u1', content)).toBe(false);
    expect(canEditContent('guest', 'u1', content)).toBe(false);
  });

  it('lets only owners and admins bring someone new in, by e-mail share too', () => {
    expect(canInviteMembers('owner')).toBe(true);
    expect(canInviteMembers('admin')).toBe(true);
    expect(canInviteMembers('editor')).toBe(false);
    expect(canInviteMembers('contributor')).toBe(false);
    expect(canInviteMembers('guest')).toBe(false);
  });

  it('keeps handing a content on to editors and above, never a contributor', () => {
    expect(canChangeOwner('editor')).toBe(true);
    expect(canChangeOwner('admin')).toBe(true);
    expect(canChangeOwner('contributor')).toBe(false);
    expect(canChangeOwner('reviewer')).toBe(false);
  });

  it('keeps archiving to owners of the content, and purging to admins', () => {
    expect(canArchiveContent('contributor', 'u2', content)).toBe(false);
    expect(canArchiveContent('contributor', 'u1', content)).toBe(true);
    expect(canPurgeContent('editor')).toBe(false);
    expect(canPurgeContent('owner')).toBe(true);
    expect(canCreateContent('reviewer')).toBe(false);
    expect(canCreateContent('contributor')).toBe(true);
  });

  it('lets the author change a view, and admins a shared one; guests keep theirs private', () => {
    const shared = { author_id: 'u1', shared: true };
    const own = { author_id: 'u1', shared: false };
    expect(canChangeView('guest', 'u1', own)).toBe(true);
    expect(canChangeView('editor', 'u2', shared)).toBe(false);
    expect(canChangeView('admin', 'u2', shared)).toBe(true);
    expect(canChangeView('owner', 'u2', own)).toBe(false);
    expect(canShareView('guest')).toBe(false);
    expect(canShareView('reviewer')).toBe(true);
  });
});
