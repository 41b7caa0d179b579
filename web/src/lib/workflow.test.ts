import { describe, expect, it } from 'vitest';
import type { ContentSummary, Status, Team } from '../api/types';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { canLock, moveItem, teamsOf, teamsUserMayAnswerFor, validatedVersion } from './workflow';

const status = (id: string, gate: Status['gate'] = null): Status => ({
  id,
  name: id,
  color: '#000000',
  category: 'in_progress',
  position: 0,
  gate,
});
const statuses = [
  status('idea'),
  status('writing'),
  status('legal', { teams: ['t-legal', 't-green'], no_violations: false, blocking: true }),
  status('ready'),
];

describe('moveItem', () => {
  it('moves one element up or down, keeping the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('clamps a target past either end and ignores an element that is not there', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 10)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('who answers for a team', () => {
  const teams: Team[] = [
    { id: 't-legal', name: 'Legal', members: ['claire'] },
    { id: 't-green', name: 'Sustainability', members: ['hugo', 'claire'] },
    { id: 't-sales', name: 'Sales', members: ['chloe'] },
  ];

  it('a member of a team the current status asks, and only then', () => {
    expect(teamsUserMayAnswerFor(statuses, 'legal', teamsOf(teams, 'claire'))).toEqual([
      't-legal',
      't-green',
    ]);
    expect(teamsUserMayAnswerFor(statuses, 'legal', teamsOf(teams, 'chloe'))).toEqual([]);
    expect(teamsUserMayAnswerFor(statuses, 'writing', teamsOf(teams, 'claire'))).toEqual([]);
  });

  it('may lock: an admin, who locked it, or a member of an asked team; not the owner', () => {
    const content: Pick<ContentSummary, 'owner' | 'lock' | 'approvals'> = {
      owner: 'chloe',
      lock: null,
      approvals: [{ team_id: 't-legal', team_name: 'Legal', state: 'waiting', latest: null }],
    };
    expect(canLock('editor', 'chloe', content, [])).toBe(false);
    expect(canLock('owner', 'someone', content, [])).toBe(true);
    expect(canLock('admin', 'someone', content, [])).toBe(true);
    expect(canLock('reviewer', 'claire', content, ['t-legal'])).toBe(true);
    expect(canLock('reviewer', 'hugo', content, ['t-green'])).toBe(false);
    expect(
      canLock('editor', 'hugo', { ...content, lock: { by: 'hugo', reason: 'x', at: null } }, []),
    ).toBe(true);
  });
});

describe('validatedVersion', () => {
  const say = (
    catalog: typeof en,
    content: { validated_revision: number | null; revision: number },
  ) => {
    const { key, values } = validatedVersion(content);
    const [block, name] = key.split('.') as [string, string];
    const template = (catalog as unknown as Record<string, Record<string, string>>)[block]![name]!;
    return template.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(values[v]));
  };

  it('says the validated revision is the current text only when it is', () => {
    expect(validatedVersion({ validated_revision: 3, revision: 3 }).current).toBe(true);
    expect(say(en, { validated_revision: 3, revision: 3 })).toBe('Validated version: revision 3');
  });

  it('says a validated revision older than the text on screen is no longer the current text', () => {
    // After a stale approval: revision 3 stays validated, revision 4 is what the reader sees.
    const stale = { validated_revision: 3, revision: 4 };
    expect(validatedVersion(stale).current).toBe(false);
    expect(say(en, stale)).toBe(
      'Validated version: revision 3 — no longer the current text (revision 4 changed it)',
    );
    expect(say(fr, stale)).toContain('ce n’est plus le texte actuel');
    expect(validatedVersion({ validated_revision: null, revision: 4 }).key).toBe(
      'approvals.not_validated',
    );
  });
});
