import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../api/types';
import { describeEvent, isAboutContent, type ActivityContext } from './activity';

const context: ActivityContext = {
  teamName: (id) => ({ 't-legal': 'Legal', 't-green': 'Sustainability' })[id] ?? '?',
  fieldLabel: (key) => ({ title: 'Title', 'fields.lead': 'Lead' })[key] ?? key,
  list: (names) => names.join(' and '),
};

const event = (kind: string, data: Record<string, unknown>, actor = 'Claire Dubois') =>
  ({
    seq: 1,
    kind,
    at: '2025-03-03T14:02:00Z',
    actor: { id: 'u1', name: actor },
    subject: 'c1',
    data,
  }) satisfies ActivityEvent;

describe('describeEvent', () => {
  it('names the team, the person and the revision of an approval', () => {
    expect(
      describeEvent(
        event('approval.given', { team: 't-legal', decision: 'approved', revision: 7 }),
        context,
      ),
    ).toEqual({
      key: 'activity.approved',
      values: { team: 'Legal', actor: 'Claire Dubois', revision: 7 },
    });
  });

  it('keeps the remark of a request for changes', () => {
    const sentence = describeEvent(
      event('approval.given', {
        team: 't-legal',
        decision: 'changes_requested',
        revision: 3,
        comment: 'Say "up to".',
      }),
      context,
    );
    expect(sentence.key).toBe('activity.changes_requested');
    expect(sentence.comment).toBe('Say "up to".');
  });

  it('says which fields an edit changed and which revision it made', () => {
    expect(
      describeEvent(
        event(
          'content.updated',
          { changed: ['fields.lead', 'title'], text_changed: true, revision: 8 },
          'Chloé',
        ),
        context,
      ),
    ).toEqual({
      key: 'activity.edited',
      values: { actor: 'Chloé', fields: 'Lead and Title', revision: 8 },
    });
    expect(
      describeEvent(event('content.updated', { changed: ['due_at'], text_changed: false }), context)
        .key,
    ).toBe('activity.changed');
  });

  it('names the teams whose approval went stale', () => {
    expect(
      describeEvent(
        event('approval.stale', { teams: ['t-legal', 't-green'], revision: 8 }),
        context,
      ),
    ).toEqual({
      key: 'activity.stale',
      values: { revision: 8, teams: 'Legal and Sustainability' },
    });
  });

  it('tells a move, an advisory gate passed without approval, and a status deleted', () => {
    expect(
      describeEvent(event('content.status_changed', { to_name: 'Ready', comment: '' }), context),
    ).toEqual({ key: 'activity.moved', values: { actor: 'Claire Dubois', status: 'Ready' } });
    expect(
      describeEvent(
        event('content.status_changed', { to_name: 'Ready', missing_approvals: ['t-green'] }),
        context,
      ).values.teams,
    ).toBe('Sustainability');
    expect(
      describeEvent(
        event('content.status_changed', { to_name: 'Writing', reason: 'status_deleted' }),
        context,
      ).key,
    ).toBe('activity.moved_status_deleted');
  });

  it('tells a lock with its reason, and says something for kinds it does not know', () => {
    expect(describeEvent(event('content.locked', { reason: 'As validated' }), context)).toEqual({
      key: 'activity.locked',
      values: { actor: 'Claire Dubois', reason: 'As validated' },
    });
    expect(describeEvent(event('task.done', {}), context).key).toBe('activity.other');
  });
});

describe('isAboutContent', () => {
  it('tells content events from the workspace’s own', () => {
    expect(isAboutContent('content.status_changed')).toBe(true);
    expect(isAboutContent('approval.given')).toBe(true);
    expect(isAboutContent('revision.labelled')).toBe(true);
    expect(isAboutContent('workflow.updated')).toBe(false);
    expect(isAboutContent('channel.created')).toBe(false);
  });
});
