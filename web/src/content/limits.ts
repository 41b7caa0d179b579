import type { Channel, FieldDef } from '../api/types';

// Character limits a text is measured against: the field's own, and for fields that follow
// channels, each selected channel's. Over a limit the text is kept as typed; only the counter
// and the list of checks say so.

export interface Limit {
  limit: number;
  /** The channel that sets it; absent for the field's own limit. */
  channel?: Channel;
}

export type CounterLevel = 'ok' | 'near' | 'over';

/** Amber from 90 % of a limit, red past it. */
export function counterLevel(count: number, limit: number): CounterLevel {
  if (count > limit) return 'over';
  if (count >= Math.floor(limit * 0.9)) return 'near';
  return 'ok';
}

export function limitsFor(
  field: Pick<FieldDef, 'max_length' | 'channel_limits'>,
  channels: readonly Channel[],
  selected: readonly string[],
): Limit[] {
  const limits: Limit[] = [];
  if (field.max_length) limits.push({ limit: field.max_length });
  if (field.channel_limits) {
    for (const channel of channels) {
      if (selected.includes(channel.id) && channel.char_limit) {
        limits.push({ limit: channel.char_limit, channel });
      }
    }
  }
  return limits;
}

/** The worst level over all limits. */
export function worstLevel(count: number, limits: readonly Limit[]): CounterLevel {
  const levels = limits.map((l) => counterLevel(count, l.limit));
  return levels.includes('over') ? 'over' : levels.includes('near') ? 'near' : 'ok';
}

export interface LocalViolation {
  /** "title" or the field's key. */
  field: string;
  rule: 'required' | 'max_length' | 'channel_limit';
  limit: number;
  actual: number;
  channel?: Channel;
}

const titleLimit = 200;

function length(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The checks the server runs on a content, run on what is on screen now. */
export function findViolations(
  values: Record<string, unknown>,
  fields: readonly FieldDef[],
  channels: readonly Channel[],
): LocalViolation[] {
  const out: LocalViolation[] = [];
  const title = length(values.title);
  if (title > titleLimit) {
    out.push({ field: 'title', rule: 'max_length', limit: titleLimit, actual: title });
  }
  const selected = Array.isArray(values.channels) ? (values.channels as string[]) : [];
  for (const field of fields) {
    const value = values[`fields.${field.key}`];
    if (field.required && isEmpty(value)) {
      out.push({ field: field.key, rule: 'required', limit: 0, actual: 0 });
    }
    if (typeof value !== 'string') continue;
    const actual = length(value);
    for (const limit of limitsFor(field, channels, selected)) {
      if (actual > limit.limit) {
        out.push({
          field: field.key,
          rule: limit.channel ? 'channel_limit' : 'max_length',
          limit: limit.limit,
          actual,
          ...(limit.channel ? { channel: limit.channel } : {}),
        });
      }
    }
  }
  return out;
}

/** What the server takes for a url field: http(s), no spaces (empty clears the field). */
export function isSendableUrl(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'string' && /^https?:\/\/\S{3,}$/i.test(value);
}
