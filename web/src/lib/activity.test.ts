import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
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

  it('names the file attached, and the version a new one made', () => {
    expect(
      describeEvent(
        event('attachment.added', { attachment_id: 'a1', media_id: 'm1', name: 'visual.png' }),
        context,
      ),
    ).toEqual({ key: 'files.event_added', values: { actor: 'Claire Dubois', name: 'visual.png' } });
    expect(
      describeEvent(
        event('media.version_added', { media_id: 'm1', name: 'visual.png', media_version: 2 }),
        context,
      ).values,
    ).toEqual({ actor: 'Claire Dubois', name: 'visual.png', version: 2 });
    expect(
      describeEvent(event('attachment.updated', { attachment_id: 'a1', media_id: 'm1' }), context)
        .key,
    ).toBe('files.event_updated');
    expect(isAboutContent(event('attachment.removed', { name: 'visual.png' }))).toBe(true);
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
    expect(describeEvent(event('task.finished', {}), context).key).toBe('activity.other');
  });

  it('tells a publication per channel: its own date, a mark with its address, a mark taken back', () => {
    const on = { channel: 'ch1', channel_name: 'LinkedIn' };
    expect(
      describeEvent(
        event('content.channel_planned', { ...on, planned_at: 1800000000000, previous: null }),
        context,
      ),
    ).toEqual({
      key: 'publication_events.planned',
      values: { actor: 'Claire Dubois', channel: 'LinkedIn' },
    });
    expect(
      describeEvent(event('content.channel_planned', { ...on, planned_at: null }), context).key,
    ).toBe('publication_events.plan_cleared');
    expect(
      describeEvent(
        event('content.channel_published', { ...on, published_at: 1, url: 'https://x.example/p' }),
        context,
      ),
    ).toEqual({
      key: 'publication_events.published_at_url',
      values: { actor: 'Claire Dubois', channel: 'LinkedIn', url: 'https://x.example/p' },
    });
    expect(
      describeEvent(
        event('content.channel_published', { ...on, published_at: 1, url: '' }),
        context,
      ).key,
    ).toBe('publication_events.published');
    expect(describeEvent(event('content.channel_unpublished', on), context).key).toBe(
      'publication_events.unpublished',
    );
  });
});

describe('isAboutContent', () => {
  it('tells content events from the workspace’s own', () => {
    expect(isAboutContent(event('content.status_changed', {}))).toBe(true);
    expect(isAboutContent(event('approval.given', {}))).toBe(true);
    expect(isAboutContent(event('revision.labelled', {}))).toBe(true);
    expect(isAboutContent(event('comment.created', {}))).toBe(true);
    expect(isAboutContent(event('workflow.updated', {}))).toBe(false);
    expect(isAboutContent(event('channel.created', {}))).toBe(false);
    // A task on a content has the content for subject; a project's task has itself.
    expect(isAboutContent(event('task.created', { task: 'k1' }))).toBe(true);
    expect(isAboutContent({ ...event('task.created', { task: 'k1' }), subject: 'k1' })).toBe(false);
  });
});

// Every event the server writes into a workspace's trail reads as a sentence in both languages:
// the kinds are read from the server's sources, so a new one without its sentence fails here.
const serverDir = fileURLToPath(new URL('../../../src', import.meta.url));

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return name.endsWith('.cpp') && !path.includes(`${join('src', 'storage')}`) ? [path] : [];
  });
}

/** Each kind the server writes, and whether it is written into a workspace's trail. */
function serverEventKinds(): Map<string, boolean> {
  const kinds = new Map<string, boolean>();
  for (const file of serverFiles(serverDir)) {
    const source = readFileSync(file, 'utf8');
    // A call that writes an event (or names its kind), up to the end of its statement.
    for (const m of source.matchAll(
      /(AppendEvent\(|Commit\(tx|Record\(tx|\bkind\s*=(?!=))[^;]*;/g,
    )) {
      const statement = m[0];
      const personal = /AppendEvent\(\s*tx,\s*std::nullopt/.test(statement);
      for (const k of statement.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) {
        kinds.set(k[1]!, (kinds.get(k[1]!) ?? false) || !personal);
      }
    }
  }
  return kinds;
}

function lookup(catalog: unknown, key: string): string | undefined {
  const found = key
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], catalog);
  return typeof found === 'string' ? found : undefined;
}

describe('every event kind the server writes', () => {
  const kinds = serverEventKinds();
  const full: ActivityContext = {
    ...context,
    personName: () => 'Hugo',
    projectName: () => 'Salon',
    roleName: (role) => role,
    levelName: (level) => level,
  };
  // Data as rich as the server's, so that each kind's fullest sentence is checked.
  const data = {
    name: 'Nom',
    title: 'Titre',
    label: 'Agence',
    level: 'comment',
    role: 'editor',
    from: 'reviewer',
    to: 'editor',
    email: 'a@b.fr',
    members: ['u2'],
    team: 't-legal',
    user: 'u2',
    field: 'body',
    revision: 3,
    visitor: 'Marc',
    task: 'k1',
  };

  it('finds the kinds in the server’s sources', () => {
    expect(kinds.get('content.updated')).toBe(true);
    expect(kinds.get('view.created')).toBe(true);
    expect(kinds.get('task.completed')).toBe(true);
    expect(kinds.get('session.opened')).toBe(false);
    expect(kinds.size).toBeGreaterThan(50);
  });

  it.each([...kinds].filter(([, inTrail]) => inTrail).map(([kind]) => kind))(
    '%s has a sentence in English and French',
    (kind) => {
      for (const withData of [data, {}]) {
        const sentence = describeEvent(event(kind, withData), full);
        expect(sentence.key).not.toBe('activity.other');
        for (const catalog of [en, fr]) {
          const template = lookup(catalog, sentence.key);
          expect(template, `${sentence.key} in the catalog`).toBeDefined();
          const needed = [...template!.matchAll(/\{\{(\w+)\}\}/g)].map((p) => p[1]!);
          for (const name of needed) expect(sentence.values).toHaveProperty(name);
        }
      }
    },
  );
});
