import type { Content } from '../api/types';
import { normalVariantKey, variantValues, variantsPatch } from '../lib/variants';

// How the content page keeps what the user types and what the server holds in step. Pure
// functions over flat "values": one key per editable property ("title", "channels",
// "fields.body"…), so the page, the draft store and the tests all speak the same shape.

export type Values = Record<string, unknown>;

export const metaKeys = [
  'title',
  'language',
  'channels',
  'tags',
  'project',
  'owner',
  'assignees',
  'due_at',
  'publish_at',
] as const;

/** The editable values of a content, flattened ("variants.<channel>.<field>" for variants). */
export function valuesOf(
  content: Pick<Content, (typeof metaKeys)[number] | 'fields'> & Pick<Partial<Content>, 'variants'>,
): Values {
  const values: Values = {};
  for (const key of metaKeys) values[key] = content[key] ?? null;
  for (const [key, value] of Object.entries(content.fields ?? {})) values[`fields.${key}`] = value;
  Object.assign(values, variantValues(content.variants));
  return values;
}

/** A conflicting field as the server names it, as a key of the values. */
export const conflictKey = normalVariantKey;

function normal(value: unknown): unknown {
  return value === undefined || value === '' ? null : value;
}

/** Equal as the server would store them: a missing field, null and "" are one thing. */
export function same(a: unknown, b: unknown): boolean {
  const x = normal(a);
  const y = normal(b);
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((item, index) => same(item, y[index]));
  }
  return false;
}

/** The keys whose local value differs from the base's. */
export function changedKeys(local: Values, base: Values): string[] {
  const keys = new Set([...Object.keys(local), ...Object.keys(base)]);
  return [...keys].filter((key) => !same(local[key], base[key])).sort();
}

/** The PATCH body for some keys: only what changed, fields nested as the API wants them. */
export function toPatch(
  keys: string[],
  local: Values,
  baseVersion: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = { base_version: baseVersion };
  const fields: Record<string, unknown> = {};
  for (const key of keys) {
    const value = normal(local[key]);
    if (key.startsWith('fields.')) fields[key.slice('fields.'.length)] = value;
    else if (!key.startsWith('variants.')) body[key] = key === 'title' ? (local[key] ?? '') : value;
  }
  if (Object.keys(fields).length > 0) body.fields = fields;
  const variants = variantsPatch(keys, local);
  if (Object.keys(variants).length > 0) body.variants = variants;
  return body;
}

/**
 * Replays the user's edit of `base` (which made `mine`) onto `theirs`. The edit is what lies
 * between the common start and end of base and mine; it lands where the same surrounding text
 * is found in theirs. Null when that text is gone (the two edits overlap).
 */
export function rebaseText(base: string, mine: string, theirs: string): string | null {
  if (mine === base) return theirs;
  if (theirs === base) return mine;
  let start = 0;
  const limit = Math.min(base.length, mine.length);
  while (start < limit && base[start] === mine[start]) start++;
  let end = 0;
  while (end < limit - start && base[base.length - 1 - end] === mine[mine.length - 1 - end]) end++;
  const removed = base.slice(start, base.length - end);
  const inserted = mine.slice(start, mine.length - end);
  const before = base.slice(0, start);
  const after = base.slice(base.length - end);
  // The edit lands where the same words surround it in their text: the whole text before it
  // unchanged, or the whole text after it, or a unique stretch of words just before it.
  const lead = before.slice(-1);
  const trail = after.slice(0, 1);
  if (theirs.startsWith(before) && theirs.slice(start).startsWith(removed + trail)) {
    return before + inserted + theirs.slice(start + removed.length);
  }
  const tail = theirs.length - end;
  if (theirs.endsWith(after) && theirs.slice(0, tail).endsWith(lead + removed)) {
    return theirs.slice(0, tail - removed.length) + inserted + after;
  }
  const anchor = before.slice(-24);
  if (anchor.length >= 8) {
    const needle = anchor + removed + trail;
    const at = theirs.indexOf(needle);
    if (at >= 0 && theirs.indexOf(needle, at + 1) < 0) {
      const cut = at + anchor.length;
      return theirs.slice(0, cut) + inserted + theirs.slice(cut + removed.length);
    }
  }
  return null;
}

/** Three-way merge of two lists: what each side added, less what each side removed. */
function mergeLists(base: unknown[], mine: unknown[], theirs: unknown[]): unknown[] {
  const has = (list: unknown[], item: unknown) => list.some((other) => same(other, item));
  const result = theirs.filter((item) => !(has(base, item) && !has(mine, item)));
  for (const item of mine) if (!has(result, item) && !has(base, item)) result.push(item);
  return result;
}

export interface Reconciled {
  /** What the editor shows now. */
  local: Values;
  /** Keys both sides changed in ways that cannot be combined: the user chooses. */
  conflicts: string[];
}

/**
 * Folds the server's new state into what the user has on screen. `base` is what the user's
 * edits started from (for each key: what was sent, or the older server value); the server's
 * answer wins where the user did not touch a key; the user's text wins where the server kept
 * the base; where both moved, the user's typing is replayed on the server's text.
 */
export function reconcile(base: Values, local: Values, server: Values): Reconciled {
  const out: Values = { ...local };
  const conflicts: string[] = [];
  const keys = new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(server)]);
  for (const key of keys) {
    const b = base[key];
    const mine = local[key];
    const theirs = server[key];
    if (same(mine, b)) out[key] = theirs ?? null;
    else if (same(theirs, b) || same(mine, theirs)) out[key] = mine;
    else if (
      (typeof mine === 'string' || mine == null) &&
      (typeof theirs === 'string' || theirs == null) &&
      (typeof b === 'string' || b == null)
    ) {
      const merged = rebaseText(
        (b as string | null) ?? '',
        (mine as string | null) ?? '',
        (theirs as string | null) ?? '',
      );
      if (merged === null) conflicts.push(key);
      else out[key] = merged;
    } else if (Array.isArray(mine) && Array.isArray(theirs)) {
      out[key] = mergeLists(Array.isArray(b) ? b : [], mine, theirs);
    } else conflicts.push(key);
  }
  return { local: out, conflicts: conflicts.sort() };
}
