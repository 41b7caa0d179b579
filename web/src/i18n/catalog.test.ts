import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

// The catalogs must say the same things in both languages, and say everything the code asks for.

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const catalogs = { en, fr } as Record<string, unknown>;

type Flat = Map<string, string>;

function flatten(value: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into.set(prefix, `<not a string: ${JSON.stringify(value)}>`);
  }
  return into;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every key the sources name: `t('…')` and `i18n.t('…')` calls, `i18nKey="…"` props, and the
 * values of the key maps in i18n/keys.ts (keys picked at run time are listed there in full).
 */
function keysUsedIn(source: string): string[] {
  const keys: string[] = [];
  for (const m of source.matchAll(/(?<![\w$])t\(\s*(['"`])([^'"`$]+?)\1/g)) keys.push(m[2]!);
  for (const m of source.matchAll(/i18nKey=["']([^"']+)["']/g)) keys.push(m[1]!);
  return keys;
}

function keysInKeyMaps(source: string): string[] {
  return [...source.matchAll(/:\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!);
}

const flat = Object.fromEntries(
  Object.entries(catalogs).map(([language, catalog]) => [language, flatten(catalog)]),
) as Record<string, Flat>;

describe('catalogs', () => {
  const languages = Object.keys(flat);

  it.each(languages.flatMap((a) => languages.filter((b) => b !== a).map((b) => [a, b])))(
    'every key in %s is also in %s',
    (from, to) => {
      const missing = [...flat[from]!.keys()].filter((key) => !flat[to]!.has(key));
      expect(missing, `keys in ${from}.json missing from ${to}.json`).toEqual([]);
    },
  );

  it.each(languages)('%s has only non-empty strings', (language) => {
    const bad = [...flat[language]!].filter(
      ([, text]) => text.trim() === '' || text.startsWith('<not a string'),
    );
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const mismatched: string[] = [];
    for (const [key, text] of flat.en!) {
      for (const language of languages) {
        const other = flat[language]!.get(key);
        if (other !== undefined && placeholders(other).join() !== placeholders(text).join()) {
          mismatched.push(`${language}:${key}`);
        }
      }
    }
    expect(mismatched).toEqual([]);
  });
});

describe('keys used in src/', () => {
  const files = sourceFiles(srcDir);
  const used = new Map<string, string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const keys = file.endsWith(join('i18n', 'keys.ts'))
      ? keysInKeyMaps(source)
      : keysUsedIn(source);
    for (const key of keys) used.set(key, relative(srcDir, file));
  }

  it('finds the sources and their keys', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(used.size).toBeGreaterThan(20);
    expect(used.has('role.owner')).toBe(true);
  });

  it.each(Object.keys(flat))('are all in %s.json', (language) => {
    const missing = [...used]
      .filter(([key]) => !flat[language]!.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});

describe('the key scanner', () => {
  it('reads t() calls with either quote and across lines', () => {
    expect(
      keysUsedIn(`t('a.b'); t("c.d", { x: 1 }); i18n.t(\n  'e.f',\n); <Trans i18nKey="g.h" />`),
    ).toEqual(['a.b', 'c.d', 'e.f', 'g.h']);
  });

  it('ignores calls that only end in t', () => {
    expect(keysUsedIn(`split('a.b'); format('c.d')`)).toEqual([]);
  });
});

// Words that are the same in English and French, on purpose. Any other French text equal to its
// English one is taken for a string someone forgot to translate.
const sameInBothLanguages = new Set([
  'app.name',
  'language.en',
  'language.fr',
  'language.en_short',
  'language.fr_short',
  'contents.col_type',
  'contents.col_publish',
  'contents.filter_type',
  'content.publish_at',
  'content.choice_none',
  'content.counter',
  'content.counter_channel',
  'share.member_option',
  'editor.image_short',
  'editor.italic_short',
  'kind.date',
  'settings.actions',
  'settings.project_description',
  'collab.task_description',
  'settings.field_options_hint',
  'workflow.gate_summary',
  'collab.notifications',
  'layout.menu',
  'layout.panel_count',
  'notification_settings.title',
  'notification_settings.kind',
  'notification_settings.email',
  'webhooks.title',
  'files.kind_image',
  'files.kind_pdf',
  'files.kind_document',
  'files.dimensions',
  'files.version_number',
  'files.version_of',
  'files.versions',
  'files.versions_count',
  'files.versions_count_one',
  'files.versions_count_other',
  'files.preview_title',
  'files.col_date',
  'files.history_file',
  'reports.total',
  'variants.caption',
  'variants.label',
  'variants.network_x',
  'variants.network_linkedin',
  'variants.network_facebook',
  'variants.network_instagram',
]);

describe('visible strings', () => {
  it('are translated: French differs from English unless listed as the same word', () => {
    const untranslated = [...flat.en!]
      .filter(([key, text]) => flat.fr!.get(key) === text && !sameInBothLanguages.has(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('never appear as literal text in the components: they come from the catalogs', () => {
    const literals: string[] = [];
    for (const file of sourceFiles(srcDir).filter((path) => path.endsWith('.tsx'))) {
      const source = readFileSync(file, 'utf8');
      // Text between two JSX tags that holds a letter (code between tags has braces or parens).
      for (const m of source.matchAll(/>([^<>{}()=;`'"]*)</g)) {
        const text = m[1]!.trim();
        if (/\p{L}/u.test(text) && !text.startsWith(',')) {
          literals.push(`${relative(srcDir, file)}: ${JSON.stringify(text)}`);
        }
      }
      // Attributes people read or hear, written as a literal.
      for (const m of source.matchAll(/\b(aria-label|placeholder|title|alt|label)="([^"]*)"/g)) {
        if (/\p{L}/u.test(m[2]!) && m[2] !== 'https://') {
          literals.push(`${relative(srcDir, file)}: ${m[0]}`);
        }
      }
    }
    expect(literals).toEqual([]);
  });
});
