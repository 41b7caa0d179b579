import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  canSeeAllLinks,
  canShareContent,
  checkLinkForm,
  dateInputValue,
  defaultLinkExpiry,
  expiryFromDateInput,
  isStaff,
  latestVisitorDecisions,
  linkExpiryBounds,
} from './sharing';

const now = new Date(2025, 0, 15, 10, 30); // 15 January 2025, 10:30 local time

describe('link expiry', () => {
  it('starts 30 days from today, as the server would choose', () => {
    expect(defaultLinkExpiry(now)).toBe('2025-02-14');
  });

  it('lets one choose from tomorrow to a year from today', () => {
    expect(linkExpiryBounds(now)).toEqual({ min: '2025-01-16', max: '2026-01-15' });
  });

  it('keeps the link open until the end of the chosen day, in local time', () => {
    const iso = expiryFromDateInput('2025-02-14')!;
    const end = new Date(iso);
    expect(dateInputValue(end)).toBe('2025-02-14');
    expect([end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([23, 59, 59]);
  });

  it('refuses what is not a day', () => {
    expect(expiryFromDateInput('')).toBeNull();
    expect(expiryFromDateInput('2025-02-30')).toBeNull();
    expect(expiryFromDateInput('14/02/2025')).toBeNull();
  });
});

describe('link form', () => {
  it('accepts the defaults: 30 days, no password', () => {
    expect(checkLinkForm({ expiry: defaultLinkExpiry(now), password: '' }, now)).toEqual([]);
  });

  it('says what is wrong with the expiry and the password', () => {
    expect(checkLinkForm({ expiry: '', password: '' }, now)).toEqual(['expiry_invalid']);
    expect(checkLinkForm({ expiry: '2025-01-14', password: '' }, now)).toEqual(['expiry_past']);
    expect(checkLinkForm({ expiry: '2026-01-16', password: '' }, now)).toEqual(['expiry_too_far']);
    expect(checkLinkForm({ expiry: '2025-02-01', password: 'short' }, now)).toEqual(['password']);
    expect(checkLinkForm({ expiry: '2025-02-01', password: 'long enough' }, now)).toEqual([]);
  });

  it('counts a password in characters, not bytes', () => {
    expect(checkLinkForm({ expiry: '2025-02-01', password: 'éééééééé' }, now)).toEqual([]);
  });
});

describe('levels', () => {
  it('adds comments, then edits; validate is comment plus a decision', () => {
    expect(actionsOf('read')).toEqual({ comment: false, edit: false, validate: false });
    expect(actionsOf('comment')).toEqual({ comment: true, edit: false, validate: false });
    expect(actionsOf('edit')).toEqual({ comment: true, edit: true, validate: false });
    expect(actionsOf('validate')).toEqual({ comment: true, edit: false, validate: true });
    expect(actionsOf(null)).toEqual({ comment: false, edit: false, validate: false });
  });
});

describe('who may share', () => {
  const content = { owner: 'u1', assignees: ['u2'] };
  it('lets admins and editors share anything, contributors what they own or are assigned', () => {
    expect(canShareContent('admin', 'x', content)).toBe(true);
    expect(canShareContent('editor', 'x', content)).toBe(true);
    expect(canShareContent('contributor', 'u1', content)).toBe(true);
    expect(canShareContent('contributor', 'u2', content)).toBe(true);
    expect(canShareContent('contributor', 'u3', content)).toBe(false);
    expect(canShareContent('reviewer', 'u1', content)).toBe(false);
    expect(canShareContent('guest', 'u1', content)).toBe(false);
  });

  it('keeps the list of every link to admins, and guests apart from staff', () => {
    expect(canSeeAllLinks('owner')).toBe(true);
    expect(canSeeAllLinks('editor')).toBe(false);
    expect(isStaff('reviewer')).toBe(true);
    expect(isStaff('guest')).toBe(false);
  });
});

describe('visitor decisions', () => {
  it('keeps the latest decision of each visitor, newest first, and leaves team decisions out', () => {
    const marc = { name: 'Marc', email: 'marc@example.com' };
    const lea = { name: 'Léa', email: 'lea@example.com' };
    const items = [
      { id: '1', visitor: marc, created_at: '2025-01-10T10:00:00Z' },
      { id: '2', created_at: '2025-01-11T10:00:00Z' },
      { id: '3', visitor: lea, created_at: '2025-01-12T10:00:00Z' },
      {
        id: '4',
        visitor: { ...marc, email: 'Marc@example.com' },
        created_at: '2025-01-13T10:00:00Z',
      },
    ];
    expect(latestVisitorDecisions(items).map((a) => a.id)).toEqual(['4', '3']);
  });
});
