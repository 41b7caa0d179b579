import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { FieldProblem as ServerFieldProblem } from '../api/types';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import {
  fieldMessage,
  fieldName,
  fieldProblems,
  genericErrorMessage,
  problemMessage,
  statusRowProblems,
} from './errors';

// The server's refusals as it sends them (src/workflow/workflow.cpp, src/content/contents.cpp),
// read in French: not one English sentence of theirs may reach the screen.

const french = i18next.createInstance();
await french.init({
  lng: 'fr',
  resources: { en: { translation: en }, fr: { translation: fr } },
  interpolation: { escapeValue: false },
});
const english = i18next.createInstance();
await english.init({ lng: 'en', resources: { en: { translation: en } } });
const t = french.t;

const slugs: Record<number, string> = {
  400: 'bad-request',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  422: 'validation',
  423: 'locked',
};

function refusal(
  status: number,
  detail: string,
  errors: ServerFieldProblem[] = [],
  extra: Record<string, unknown> = {},
) {
  return new ApiError(
    { type: `/problems/${slugs[status] ?? 'internal'}`, title: 'Conflict', status, detail, errors },
    null,
    extra,
  );
}

describe('problemMessage', () => {
  it('says a decision on a revision that is no longer current in French', () => {
    const error = refusal(
      409,
      'Revision 1 is not the current one (2): read the current text before deciding.',
      [{ field: 'revision', message: 'is not the current revision' }],
    );
    expect(problemMessage(t, error, 'decide')).toBe(
      'Le texte a changé depuis que vous l’avez ouvert\u00a0: relisez la révision actuelle avant de décider.',
    );
  });

  it('names who locked the text and why, from the 423’s members', () => {
    const error = refusal(423, 'Locked by Claire Dubois: as validated.', [], {
      locked_by: { id: 'u2', name: 'Claire Dubois' },
      reason: 'as validated',
    });
    expect(problemMessage(t, error)).toBe(
      'Verrouillé par Claire Dubois\u00a0: « as validated ». Rien ne peut changer tant qu’il n’est pas déverrouillé.',
    );
  });

  it('says what was forbidden, by what the person was doing', () => {
    const error = refusal(403, 'Only a member of a team this status asks can give its approval.');
    expect(problemMessage(t, error, 'decide')).toBe(
      'Seul un membre d’une équipe sollicitée par ce statut peut donner son approbation.',
    );
    expect(problemMessage(t, error, 'move')).toBe('Vous ne pouvez pas déplacer ce contenu.');
    expect(problemMessage(t, error)).toBe('Vous n’avez pas le droit de faire cela.');
  });

  it('recognises an archived content and a status that asks no approval', () => {
    expect(
      problemMessage(t, refusal(409, 'This content is archived: unarchive it to move it.')),
    ).toBe('Ce contenu est archivé\u00a0: sortez-le d’abord des archives.');
    expect(problemMessage(t, refusal(409, 'The content’s status asks no approval.'))).toBe(
      'Le statut du contenu ne demande aucune approbation.',
    );
  });

  it('names the status whose contents must move when the workflow drops it', () => {
    const error = refusal(
      409,
      '3 contents are in "Idea". Say which status they move to (move_to).',
      [{ field: 'move_to.s1', message: 'is required: contents are in this status' }],
      { status_id: 's1', status_name: 'Idée', contents: 3 },
    );
    expect(problemMessage(t, error)).toBe(
      'Des contenus sont en « Idée » (3)\u00a0: indiquez vers quel statut ils passent.',
    );
  });

  it('falls back to the sentence for the kind of problem, never the English detail', () => {
    const odd = refusal(409, 'Something new the server says.');
    expect(problemMessage(t, odd)).toBe(french.t('problems.conflict'));
    expect(problemMessage(t, refusal(404, 'No such content.'))).toBe(
      french.t('problems.not_found'),
    );
    const untyped = new ApiError({ type: 'about:blank', title: 'Locked', status: 423, errors: [] });
    expect(problemMessage(t, untyped)).toContain('Verrouillé par quelqu’un');
  });

  it('keeps the generic sentences for the network and the server', () => {
    const offline = new ApiError({ type: 'about:blank', title: 'x', status: 0, errors: [] });
    expect(problemMessage(t, offline)).toBe(french.t('errors.network'));
    expect(problemMessage(t, refusal(500, 'Something went wrong on our side.'))).toBe(
      french.t('errors.server'),
    );
    expect(problemMessage(t, new Error('boom'))).toBe(french.t('errors.unexpected'));
  });

  it('lists refused fields with their names', () => {
    const error = refusal(422, 'The workflow is invalid.', [
      { field: 'statuses', message: 'has more than 30 statuses' },
    ]);
    expect(problemMessage(t, error)).toBe(
      'Certaines valeurs ont été refusées\u00a0: Statuts\u00a0: 30 statuts au plus',
    );
  });
});

describe('fieldProblems', () => {
  const workflow = refusal(422, 'The workflow is invalid.', [
    { field: 'statuses[0].name', message: 'must be 1 to 60 characters' },
    { field: 'statuses[2].color', message: 'must be a colour like #2563eb' },
    { field: 'statuses[2].gate.teams[0]', message: 'is not a team of this workspace' },
    { field: 'statuses[3].name', message: 'is used by another status' },
    { field: 'something', message: 'a rule nobody told the app about' },
  ]);

  it('translates each field and its rule', () => {
    expect(fieldProblems(english.t, workflow).map((p) => p.text)).toEqual([
      'Name: 1 to 60 characters',
      'Colour: a colour like #2563eb',
      'Teams that approve: not a team of this workspace',
      'Name: already used by another status',
      'not valid',
    ]);
    expect(fieldProblems(t, workflow)[0]).toEqual({
      path: 'statuses[0].name',
      field: 'name',
      message: '1 à 60 caractères',
      text: 'Nom\u00a0: 1 à 60 caractères',
    });
  });

  it('groups the problems of the workflow by status row', () => {
    const rows = statusRowProblems(fieldProblems(t, workflow));
    expect([...rows.keys()]).toEqual([0, 2, 3]);
    expect(rows.get(2)!.map((p) => p.field)).toEqual(['color', 'teams']);
  });

  it('reads the setup form’s fields', () => {
    const setup = refusal(422, 'Some fields are invalid.', [
      { field: 'email', message: 'is already used by an account' },
      { field: 'password', message: 'must be at least 12 characters' },
    ]);
    expect(fieldProblems(t, setup).map((p) => [p.field, p.message])).toEqual([
      ['email', 'déjà utilisée par un compte'],
      ['password', 'au moins 12 caractères'],
    ]);
  });

  it('finds the field a path names', () => {
    expect(fieldName('statuses[0].gate.teams[1]')).toBe('teams');
    expect(fieldName('move_to.abc123')).toBe('move_to');
    expect(fieldName('reason')).toBe('reason');
  });
});

describe('refusals the server explains', () => {
  it('says an invitation of an existing member in the user’s language, not “unexpected”', () => {
    const error = refusal(409, 'This person is already a member.', [
      { field: 'email', message: 'is already a member of this workspace' },
    ]);
    expect(genericErrorMessage(t, error)).toBe('E-mail\u00a0: déjà membre de cet espace');
    expect(problemMessage(english.t, error)).toBe('Email: already a member of this workspace');
  });

  it('says the conflicts that carry no field', () => {
    expect(
      genericErrorMessage(
        t,
        refusal(409, 'A workspace needs at least one owner. Make someone else owner first.'),
      ),
    ).toBe(french.t('refusal.last_owner'));
    expect(
      genericErrorMessage(
        t,
        refusal(409, 'This channel has sub-channels. Move or delete them first.'),
      ),
    ).toBe(french.t('refusal.channel_has_children'));
    expect(genericErrorMessage(t, refusal(403, 'Only an owner can make or unmake owners.'))).toBe(
      french.t('refusal.owner_only'),
    );
    expect(genericErrorMessage(t, refusal(403, 'You may not share this content.'))).toBe(
      french.t('problems.forbidden'),
    );
    // The network and the server keep their own sentences.
    const offline = new ApiError({ type: 'about:blank', title: 'x', status: 0, errors: [] });
    expect(genericErrorMessage(t, offline)).toBe(french.t('errors.network'));
  });

  // Every field message the server's sources write is recognised: none falls back to "not valid".
  const serverDir = fileURLToPath(new URL('../../../src', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.(cpp|hpp)$/.test(name) ? [path] : [];
    });
  const messages = new Set<string>();
  for (const file of files(serverDir)) {
    const source = readFileSync(file, 'utf8');
    const literal = '"((?:[^"\\\\]|\\\\.)*)"';
    const patterns = [
      new RegExp(`InvalidField\\(\\s*${literal},\\s*${literal}\\s*\\)`, 'g'),
      new RegExp(`Fault\\([^,;]+,\\s*${literal}\\s*\\)`, 'g'),
      new RegExp(`\\{\\s*"[a-z_][a-z_.\\[\\]0-9]*",\\s*${literal}\\s*\\}`, 'g'),
    ];
    for (const pattern of patterns) {
      for (const m of source.matchAll(pattern)) {
        const message = (m[2] ?? m[1]!).replace(/\\"/g, '"');
        // Only rules (a field's values like {"decision", "approved"} are data, not refusals).
        if (/^(is|must|has|cannot|only|goes|give|a |the |would)\b/.test(message)) {
          messages.add(message);
        }
      }
    }
  }

  it('finds the server’s field messages', () => {
    expect(messages.has('is already a member of this workspace')).toBe(true);
    expect(messages.has('must be a string')).toBe(true);
    expect(messages.size).toBeGreaterThan(60);
  });

  it.each([...messages].sort())('translates “%s”', (message) => {
    const said = fieldMessage(t, message);
    expect(said).not.toBe(french.t('problems.field.invalid'));
    expect(said).not.toMatch(/\{\{|undefined|NaN/);
  });
});

describe('publication refusals (issue 16)', () => {
  it('names the address, the time of publication and the planned date, in French', () => {
    const refused = refusal(422, 'The publication is invalid.', [
      { field: 'url', message: 'must be a web address (http:// or https://)' },
      { field: 'published_at', message: 'cannot be in the future' },
      { field: 'planned_at', message: 'must be a date (YYYY-MM-DD) or a time (RFC 3339)' },
    ]);
    expect(fieldProblems(t, refused).map((p) => p.text)).toEqual([
      'Adresse où il est paru\u00a0: une adresse http ou https',
      'Publié le\u00a0: pas dans le futur',
      'Date prévue\u00a0: une date comme 2026-03-31',
    ]);
    expect(fieldProblems(english.t, refused).map((p) => p.text)).toEqual([
      'Address where it appeared: an http or https address',
      'Published at: not in the future',
      'Planned date: a date like 2026-03-31',
    ]);
  });

  it('says a channel the content does not have', () => {
    const refused = refusal(422, 'x', [
      { field: 'channel', message: 'is not a channel of this content' },
    ]);
    expect(fieldProblems(english.t, refused)[0]!.text).toBe(
      'Channel: not one of this content’s channels',
    );
    expect(fieldMessage(english.t, 'must be at most 100 days after from')).toBe('100 days at most');
    expect(fieldMessage(english.t, 'must be after from')).toBe('after the start of the range');
  });
});

describe('variant refusals (issue 20)', () => {
  it.each([
    ['is a channel without network rules: it takes the main text', 'variants.field_no_network'],
    ['is not an image attached to this content', 'variants.field_not_image'],
    [
      'must be one of x, linkedin, facebook, instagram, newsletter or null',
      'variants.field_network',
    ],
    ["is not a file of this workspace's library", 'variants.field_not_library_file'],
    ['is not a type of file copydesk accepts', 'variants.field_not_image_file'],
  ] as const)('says “%s” in French', (message, key) => {
    expect(fieldMessage(t, message)).toBe(french.t(key));
  });
});
