import { describe, expect, it } from 'vitest';
import type { CollabNotification } from '../api/collab';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { notificationMessage } from './notifications';

const base: CollabNotification = {
  id: 'n1',
  kind: 'mentioned',
  workspace_id: 'w1',
  actor: { id: 'u1', name: 'Chloé Martin' },
  content: { id: 'c1', title: 'Winter tank safety' },
  subject_id: 'k1',
  data: {},
  read: false,
  read_at: null,
  created_at: '2026-01-01T10:00:00Z',
};

/** The sentence in a catalog, filled in as i18next does. */
function say(n: CollabNotification, catalog: Record<string, unknown> = en): string {
  const { key, values } = notificationMessage(n);
  const template = key
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], catalog) as string;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

describe('notificationMessage', () => {
  it('says who did what on which content', () => {
    expect(say(base)).toBe('Chloé Martin mentioned you on “Winter tank safety”');
    expect(say({ ...base, kind: 'reply' })).toBe(
      'Chloé Martin replied in a thread on “Winter tank safety”',
    );
  });

  it('names a paused webhook by its receiver’s host, all the notice keeps of its URL', () => {
    const paused = {
      ...base,
      kind: 'webhook_paused',
      content: null,
      data: { webhook_id: 'h1', host: 'https://hooks.slack.com' },
    } as CollabNotification;
    expect(say(paused)).toBe(
      'A webhook to https://hooks.slack.com was paused after a day of failed deliveries',
    );
    expect(say(paused, fr)).toBe(
      'Un webhook vers https://hooks.slack.com a été mis en pause après un jour d’envois en échec',
    );
  });

  it('tells a task given from a content given', () => {
    expect(say({ ...base, kind: 'assigned', data: { target: 'content' } })).toBe(
      'Chloé Martin assigned you to “Winter tank safety”',
    );
    expect(
      say({ ...base, kind: 'assigned', data: { target: 'task', task_title: 'Legal check' } }),
    ).toBe('Chloé Martin gave you the task “Legal check” on “Winter tank safety”');
  });

  it('names the team and the decision of a workflow notification', () => {
    expect(
      say({ ...base, kind: 'decision', data: { decision: 'approved', team_name: 'Legal' } }),
    ).toBe('Chloé Martin approved “Winter tank safety” for Legal');
    expect(
      say({
        ...base,
        kind: 'decision',
        data: { decision: 'changes_requested', team_name: 'Legal' },
      }),
    ).toBe('Chloé Martin asked for changes on “Winter tank safety” for Legal');
    expect(say({ ...base, kind: 'approval_requested', data: { team_name: 'Legal' } })).toBe(
      'Legal is asked to approve “Winter tank safety”',
    );
  });

  it('says a review link visitor decided, for no team', () => {
    const marc = { ...base, kind: 'decision' as const, actor: { id: 'v1', name: 'Marc Lefèvre' } };
    expect(say({ ...marc, data: { decision: 'approved', link: 'l1' } })).toBe(
      'Marc Lefèvre validated “Winter tank safety” through a review link',
    );
    expect(say({ ...marc, data: { decision: 'changes_requested', link: 'l1' } })).toBe(
      'Marc Lefèvre did not validate “Winter tank safety” through a review link',
    );
  });

  it('tells an approver whose approval went stale for which team and who changed the text', () => {
    const stale = { ...base, kind: 'approval_stale' as const, data: { team_name: 'Juridique' } };
    expect(say(stale, fr)).toBe(
      'Votre approbation de « Winter tank safety » pour Juridique ne tient plus : Chloé Martin a modifié le texte',
    );
    expect(say({ ...stale, data: {} }, fr)).toBe(
      'Votre approbation de « Winter tank safety » ne tient plus : Chloé Martin a modifié le texte',
    );
    expect(say(stale)).toBe(
      'Your approval of “Winter tank safety” for Juridique no longer holds: Chloé Martin changed the text',
    );
  });

  it('tells a content was shared with one', () => {
    expect(say({ ...base, kind: 'shared', data: { level: 'edit' } })).toBe(
      'Chloé Martin shared “Winter tank safety” with you',
    );
  });

  it('reminds of tasks due and overdue', () => {
    expect(say({ ...base, kind: 'task_overdue', data: { task_title: 'Brief' } })).toBe(
      'The task “Brief” is overdue',
    );
    expect(say({ ...base, kind: 'task_due', data: { task_title: 'Brief' } })).toBe(
      'The task “Brief” is due tomorrow',
    );
  });

  it('has a sentence in the catalog for every kind, unknown ones included', () => {
    for (const kind of [
      'mentioned',
      'assigned',
      'reply',
      'approval_requested',
      'decision',
      'approval_stale',
      'task_due',
      'task_overdue',
      'something_new',
    ]) {
      const n = { ...base, kind } as CollabNotification;
      expect(say(n)).not.toMatch(/undefined|\{\{/);
      expect(say({ ...n, data: { team_name: 'Legal' } })).not.toMatch(/undefined|\{\{/);
    }
  });
});
