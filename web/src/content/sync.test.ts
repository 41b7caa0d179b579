import { describe, expect, it } from 'vitest';
import { changedKeys, rebaseText, reconcile, same, toPatch, valuesOf } from './sync';

describe('values', () => {
  it('flattens a content', () => {
    const values = valuesOf({
      title: 'T',
      language: 'en',
      channels: ['c'],
      tags: [],
      project: null,
      owner: 'u',
      assignees: [],
      due_at: null,
      publish_at: null,
      fields: { body: 'B' },
    });
    expect(values['fields.body']).toBe('B');
    expect(values.owner).toBe('u');
  });

  it('treats missing, null and empty text alike', () => {
    expect(same(undefined, null)).toBe(true);
    expect(same('', null)).toBe(true);
    expect(same(['a'], ['a'])).toBe(true);
    expect(same(['a'], ['b'])).toBe(false);
    expect(changedKeys({ a: '', b: 'x' }, { b: 'y' })).toEqual(['b']);
  });

  it('sends only what changed, fields nested', () => {
    expect(
      toPatch(
        ['title', 'fields.body', 'fields.lead'],
        { title: 'T', 'fields.body': 'B', 'fields.lead': '' },
        7,
      ),
    ).toEqual({
      base_version: 7,
      title: 'T',
      fields: { body: 'B', lead: null },
    });
  });
});

describe('rebaseText', () => {
  it('replays typing at the same place when their change is elsewhere', () => {
    expect(rebaseText('One.\n\nTwo.', 'One. More.\n\nTwo.', 'One.\n\nTwo, edited.')).toBe(
      'One. More.\n\nTwo, edited.',
    );
    expect(rebaseText('One.\n\nTwo.', 'One.\n\nTwo. More.', 'Zero.\n\nOne.\n\nTwo.')).toBe(
      'Zero.\n\nOne.\n\nTwo. More.',
    );
  });

  it('combines edits of different words in one sentence', () => {
    expect(rebaseText('The tank is safe.', 'The cistern is safe.', 'The tank was safe.')).toBe(
      'The cistern was safe.',
    );
  });

  it('gives up when both changed the same words', () => {
    expect(
      rebaseText('The tank is safe.', 'The cistern is safe.', 'The tanker is safe.'),
    ).toBeNull();
    expect(rebaseText('Tank.', 'Cistern.', 'Tanks.')).toBeNull();
  });
});

describe('reconcile', () => {
  it("takes the server's answer where the user did not type since the request", () => {
    const sent = { title: 'Mine', 'fields.body': 'A' };
    const { local, conflicts } = reconcile(sent, sent, {
      title: 'Mine',
      'fields.body': 'A + theirs',
    });
    expect(local).toEqual({ title: 'Mine', 'fields.body': 'A + theirs' });
    expect(conflicts).toEqual([]);
  });

  it('keeps what the user typed while the request was on its way', () => {
    const sent = { 'fields.body': 'Hello' };
    const { local } = reconcile(sent, { 'fields.body': 'Hello world' }, { 'fields.body': 'Hello' });
    expect(local['fields.body']).toBe('Hello world');
  });

  it("replays the user's latest typing on a merged text", () => {
    const { local } = reconcile(
      { 'fields.body': 'One.\n\nTwo.' },
      { 'fields.body': 'One.\n\nTwo. And three' },
      { 'fields.body': 'Zero.\n\nOne.\n\nTwo.' },
    );
    expect(local['fields.body']).toBe('Zero.\n\nOne.\n\nTwo. And three');
  });

  it('merges lists and names what cannot be merged', () => {
    const { local, conflicts } = reconcile(
      { tags: ['a', 'b'], project: 'p1' },
      { tags: ['a', 'b', 'c'], project: 'p2' },
      { tags: ['b', 'd'], project: 'p3' },
    );
    expect(local.tags).toEqual(['b', 'd', 'c']);
    expect(conflicts).toEqual(['project']);
    expect(local.project).toBe('p2');
  });
});
