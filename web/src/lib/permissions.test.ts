import { describe, expect, it } from 'vitest';
import {
  canArchiveContent,
  canCreateContent,
  canEditContent,
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

  it('keeps archiving to owners of the content, and purging to admins', () => {
    expect(canArchiveContent('contributor', 'u2', content)).toBe(false);
    expect(canArchiveContent('contributor', 'u1', content)).toBe(true);
    expect(canPurgeContent('editor')).toBe(false);
    expect(canPurgeContent('owner')).toBe(true);
    expect(canCreateContent('reviewer')).toBe(false);
    expect(canCreateContent('contributor')).toBe(true);
  });
});
