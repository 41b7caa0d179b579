import { describe, expect, it } from 'vitest';
import { activityApiQuery, activityFilterParams, readActivityFilters } from './activityFilters';

describe('activity filters', () => {
  it('reads the URL, ignoring dates that are not days', () => {
    expect(
      readActivityFilters(new URLSearchParams('kind=approval.&actor=u1&from=2025-03-01&to=soon')),
    ).toEqual({ kind: 'approval.', actor: 'u1', from: '2025-03-01', to: '' });
  });

  it('keeps only the filters set in the URL', () => {
    expect(activityFilterParams({ kind: '', actor: 'u1', from: '', to: '' }).toString()).toBe(
      'actor=u1',
    );
  });

  it('asks the API for whole local days, the last one included', () => {
    const query = new URLSearchParams(
      activityApiQuery({ kind: 'content.', actor: '', from: '2025-03-01', to: '2025-03-05' }),
    );
    expect(query.get('kind')).toBe('content.');
    expect(query.has('actor')).toBe(false);
    expect(query.get('from')).toBe(new Date(2025, 2, 1).toISOString());
    expect(query.get('to')).toBe(new Date(2025, 2, 6).toISOString());
  });

  it('asks for everything when nothing is set', () => {
    expect(activityApiQuery({ kind: '', actor: '', from: '', to: '' })).toBe('');
  });
});
