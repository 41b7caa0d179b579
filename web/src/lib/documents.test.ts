import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { contentExportUrl, zipExportUrl } from '../api/exports';
import { proofUrl } from '../api/proofs';
import type { ContentType } from '../api/types';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import {
  defaultImportType,
  exportRevisions,
  isImportable,
  notKeptLabelKey,
  proofContentType,
} from './documents';
import { importErrorMessage } from './errors';

const french = i18next.createInstance();
await french.init({
  lng: 'fr',
  resources: { en: { translation: en }, fr: { translation: fr } },
  interpolation: { escapeValue: false },
});
const t = french.t;

const type = (key: string, fields: string[]): ContentType => ({
  id: key,
  key,
  name: key,
  fields: fields.map((field) => ({ key: field, label: field }) as ContentType['fields'][number]),
});

describe('importing', () => {
  it('takes the documents pandoc reads, by their names', () => {
    for (const name of ['Offre.docx', 'note.ODT', 'brief.md', 'a.markdown', 'page.html', 'p.htm']) {
      expect(isImportable(name)).toBe(true);
    }
    for (const name of ['visual.png', 'old.doc', 'docx', 'tableau.xlsx']) {
      expect(isImportable(name)).toBe(false);
    }
  });

  it('makes an article-like content unless the person chooses: the first type with a body', () => {
    const types = [
      type('tweet', ['text']),
      type('article', ['lead', 'body']),
      type('page', ['body']),
    ];
    expect(defaultImportType(types)?.key).toBe('article');
    expect(defaultImportType([type('tweet', ['text'])])?.key).toBe('tweet');
    expect(defaultImportType([])).toBeUndefined();
  });

  it('says what was not kept in the person’s words, even a kind it does not know', () => {
    expect(t(notKeptLabelKey('text_box'), { count: 2 })).toBe(
      '2 zones de texte : recopiez leur texte s’il compte',
    );
    expect(t(notKeptLabelKey('macro'), { count: 1 })).toBe(
      '1 macro (jamais exécutée ni conservée)',
    );
    expect(t(notKeptLabelKey('hologram'), { count: 3 })).toBe(
      '3 autres éléments que l’éditeur ne sait pas garder',
    );
  });

  const refused = (status: number, errors: { field: string; message: string }[] = []) =>
    new ApiError({ type: 'about:blank', title: 'x', status, errors });

  it('says why a file was refused, in French', () => {
    const file = (message: string) =>
      importErrorMessage(t, refused(422, [{ field: 'file', message }]));
    expect(file('This file is not a Word document although its name ends in .docx')).toBe(
      'Ce fichier n’est pas ce que dit son nom (son contenu est un autre type de fichier).',
    );
    expect(file('This document is password-protected')).toMatch(/protégé par un mot de passe/);
    expect(file('This file is damaged and could not be read')).toBe(
      'Ce fichier est endommagé et n’a pas pu être lu.',
    );
    expect(file('This archive expands to more than 200 MB')).toBe(
      'Ce document dépasse 200 Mo une fois décompressé : trop gros pour être importé.',
    );
  });

  it('says the upload limit, the missing converter and a text changed meanwhile', () => {
    expect(importErrorMessage(t, refused(413))).toBe(
      'Ce document dépasse la taille que le serveur accepte.',
    );
    expect(importErrorMessage(t, refused(503))).toMatch(/convertisseur manque/);
    const busy = new ApiError({ type: 'about:blank', title: 'x', status: 503, errors: [] }, 5);
    expect(importErrorMessage(t, busy)).toBe(
      'Le serveur convertit d’autres documents : réessayez dans 5 secondes.',
    );
    expect(
      importErrorMessage(t, refused(409, [{ field: 'version', message: 'is stale' }])),
    ).toMatch(/^Le texte a changé/);
  });
});

describe('exporting', () => {
  it('offers the validated revision only when there is one', () => {
    expect(exportRevisions({ revision: 4, validated_revision: null })).toEqual(['current']);
    expect(exportRevisions({ revision: 4, validated_revision: 2 })).toEqual([
      'current',
      'validated',
    ]);
  });

  it('links to the routes of the contract', () => {
    expect(contentExportUrl('c1', 'pdf')).toBe(
      '/api/v1/contents/c1/export?format=pdf&revision=current',
    );
    expect(contentExportUrl('c1', 'docx', 3)).toBe(
      '/api/v1/contents/c1/export?format=docx&revision=3',
    );
    expect(contentExportUrl('c1', 'odt', 'validated')).toBe(
      '/api/v1/contents/c1/export?format=odt&revision=validated',
    );
    expect(zipExportUrl('acme', { project: 'p1' }, 'md')).toBe(
      '/api/v1/workspaces/acme/export?project=p1&format=md',
    );
    expect(zipExportUrl('acme', { view: 'v 1' }, 'pdf')).toBe(
      '/api/v1/workspaces/acme/export?view=v+1&format=pdf',
    );
    expect(proofUrl('c1', 'json')).toBe('/api/v1/contents/c1/proof?format=json');
  });
});

describe('verifying a proof', () => {
  it('sends the PDF or the JSON twin with its type, from the name when the system gave none', () => {
    expect(proofContentType({ name: 'proof.pdf', type: 'application/pdf' })).toBe(
      'application/pdf',
    );
    expect(proofContentType({ name: 'preuve.JSON', type: '' })).toBe('application/json');
    expect(proofContentType({ name: 'preuve.pdf', type: 'application/octet-stream' })).toBe(
      'application/pdf',
    );
    expect(proofContentType({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
  });
});
