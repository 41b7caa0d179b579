import { describe, expect, it } from 'vitest';
import type { Membership } from '../api/types';
import { chooseWorkspace } from './lastWorkspace';

function membership(slug: string): Membership {
  return { workspace: { id: slug, slug, name: slug, language: 'en' }, role: 'editor' };
}

describe('chooseWorkspace', () => {
  const memberships = [membership('acme'), membership('globex')];
  it('opens the workspace used last on this browser', () => {
    expect(chooseWorkspace(memberships, 'globex')?.workspace.slug).toBe('globex');
  });
  it('falls back to the first when the last one is gone', () => {
    expect(chooseWorkspace(memberships, 'initech')?.workspace.slug).toBe('acme');
    expect(chooseWorkspace(memberships, null)?.workspace.slug).toBe('acme');
  });
  it('has nothing to open without memberships', () => {
    expect(chooseWorkspace([], 'acme')).toBeNull();
  });
});
