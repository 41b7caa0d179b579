import twitter from 'twitter-text';
import type { Channel, Content, FieldValue, Network, NetworkRules, Variant } from '../api/types';

// Channel variants (issue 20): one cut of a content per channel that has a network (X, LinkedIn,
// Facebook, Instagram, the newsletter), measured by that network's own counting. The rules come
// from the server (GET the workspace: `networks`) so that web and server agree; the figures below
// are the same published ones, used only when a server does not send them.

export const networks = ['x', 'linkedin', 'facebook', 'instagram', 'newsletter'] as const;

export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && (networks as readonly string[]).includes(value);
}

const social = (network: Network, limit: number, counting: 'x' | 'chars') => ({
  network,
  fields: [{ key: 'text', limit, counting }],
});

/** The networks' published figures, as the server serves them (PLAN20 §1). */
export const defaultNetworkRules: readonly NetworkRules[] = [
  {
    ...social('x', 280, 'x'),
    hook: null,
    image_ratio: '16:9',
    hashtag_limit: null,
    mention_limit: null,
  },
  {
    ...social('linkedin', 3000, 'chars'),
    hook: 210,
    image_ratio: '1.91:1',
    hashtag_limit: null,
    mention_limit: null,
  },
  {
    ...social('facebook', 63206, 'chars'),
    hook: 125,
    image_ratio: '1.91:1',
    hashtag_limit: null,
    mention_limit: null,
  },
  {
    ...social('instagram', 2200, 'chars'),
    hook: 125,
    image_ratio: '4:5',
    hashtag_limit: 30,
    mention_limit: 20,
  },
  {
    network: 'newsletter',
    fields: [
      { key: 'subject', limit: 78, counting: 'chars' },
      { key: 'preheader', limit: 100, counting: 'chars' },
      { key: 'text', limit: null, counting: 'chars' },
    ],
    hook: 50,
    image_ratio: null,
    hashtag_limit: null,
    mention_limit: null,
  },
];

/** The rules of one network: the server's when it sent them, else the published figures. */
export function rulesFor(
  network: Network,
  served: readonly NetworkRules[] | undefined,
): NetworkRules {
  return (
    served?.find((rules) => rules.network === network) ??
    defaultNetworkRules.find((rules) => rules.network === network)!
  );
}

/** How long a text is for a network: X weighs URLs and wide characters, the others count code points. */
export function countText(text: string, counting: 'x' | 'chars'): number {
  if (counting === 'x') return twitter.parseTweet(text).weightedLength;
  return [...text].length;
}

/** How many hashtags and mentions a text holds, as the networks find them. */
export function tagCounts(text: string): { hashtags: number; mentions: number } {
  return {
    hashtags: twitter.extractHashtags(text).length,
    mentions: twitter.extractMentions(text).length,
  };
}

/** The field a network truncates at its hook: the subject in an inbox, else the text. */
export function hookField(rules: NetworkRules): string {
  return rules.fields.some((field) => field.key === 'subject') ? 'subject' : 'text';
}

// Feeds also fold a post after a few lines, whatever its length (an approximation of each
// network's layout on a phone, the narrowest one).
const hookLines: Partial<Record<Network, number>> = { linkedin: 3, facebook: 5, instagram: 2 };

/**
 * Where a network cuts a text before its "…see more": the part shown and the part folded away.
 * `rest` is empty when the whole text is shown. X shows what fits its limit; the rest is refused.
 */
export function splitAtHook(text: string, rules: NetworkRules): { shown: string; rest: string } {
  const points = [...text];
  let cut = points.length;
  if (rules.network === 'x') {
    const limit = rules.fields.find((field) => field.key === 'text')?.limit ?? 280;
    const parsed = twitter.parseTweet(text);
    if (parsed.weightedLength > limit) {
      // validRangeEnd is a UTF-16 index (inclusive) of the last character that fits.
      const end = parsed.validRangeEnd + 1;
      return { shown: text.slice(0, end), rest: text.slice(end) };
    }
    return { shown: text, rest: '' };
  }
  if (rules.hook !== null && points.length > rules.hook) cut = rules.hook;
  const lines = hookLines[rules.network];
  if (lines !== undefined) {
    let seen = 0;
    for (let i = 0; i < Math.min(cut, points.length); i++) {
      if (points[i] === '\n' && ++seen === lines) {
        cut = i;
        break;
      }
    }
  }
  if (cut >= points.length) return { shown: text, rest: '' };
  // A feed cuts between words: back up to the last space when there is one close by.
  let at = cut;
  while (at > cut - 20 && at > 0 && !/\s/.test(points[at]!)) at--;
  if (at <= cut - 20 || at === 0) at = cut;
  return { shown: points.slice(0, at).join('').trimEnd(), rest: points.slice(at).join('') };
}

export interface FieldCount {
  key: string;
  count: number;
  limit: number | null;
}

/** Each field's count against its limit, by the network's counting. */
export function countFields(fields: Record<string, string>, rules: NetworkRules): FieldCount[] {
  return rules.fields.map((field) => ({
    key: field.key,
    count: countText(fields[field.key] ?? '', field.counting),
    limit: field.limit,
  }));
}

export interface VariantViolation {
  /** "variants.<channel id>.<field>", as the server names it. */
  field: string;
  rule: 'channel_limit' | 'hashtag_limit' | 'mention_limit';
  channel_id: string;
  limit: number;
  actual: number;
}

/** What the server's checks find in one variant, found here as the user types. */
export function variantViolations(
  channelId: string,
  fields: Record<string, string>,
  rules: NetworkRules,
): VariantViolation[] {
  const out: VariantViolation[] = [];
  for (const { key, count, limit } of countFields(fields, rules)) {
    if (limit !== null && count > limit) {
      out.push({
        field: `variants.${channelId}.${key}`,
        rule: 'channel_limit',
        channel_id: channelId,
        limit,
        actual: count,
      });
    }
  }
  const text = fields.text ?? '';
  const { hashtags, mentions } = tagCounts(text);
  const field = `variants.${channelId}.text`;
  if (rules.hashtag_limit !== null && hashtags > rules.hashtag_limit) {
    out.push({
      field,
      rule: 'hashtag_limit',
      channel_id: channelId,
      limit: rules.hashtag_limit,
      actual: hashtags,
    });
  }
  if (rules.mention_limit !== null && mentions > rules.mention_limit) {
    out.push({
      field,
      rule: 'mention_limit',
      channel_id: channelId,
      limit: rules.mention_limit,
      actual: mentions,
    });
  }
  return out;
}

// ---- deriving a variant from the main text ---------------------------------------------------

/** Markdown as a reader sees it: marks, links and images dropped, paragraphs kept. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function firstParagraph(markdown: string): string {
  return (
    plainText(markdown)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p !== '') ?? ''
  );
}

function textOf(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The content's own short text: its lead, or the first paragraph of its body. */
function leadOf(content: Pick<Content, 'fields'>): string {
  const fields = content.fields ?? {};
  for (const key of ['lead', 'text', 'preheader']) {
    const value = textOf(fields[key]);
    if (value) return plainText(value);
  }
  for (const key of ['body', 'script']) {
    const value = textOf(fields[key]);
    if (value) return firstParagraph(value);
  }
  return '';
}

/** Where the content was published first (its first publication with a URL), if anywhere. */
export function publicationUrl(content: object): string | null {
  const publications = (content as { publications?: { url: string | null }[] }).publications;
  return publications?.find((p) => p.url)?.url ?? null;
}

export interface DerivedVariant {
  network: Network;
  fields: Record<string, string>;
  visual: string | null;
}

const join = (...parts: string[]) => parts.filter((part) => part !== '').join('\n\n');

/**
 * The cut a channel is offered before anyone edits it: the title, the lead and a link to where
 * the content was published. A post (a content whose `text` is the message) keeps its text. The
 * newsletter takes the title for subject and the lead for preheader. The visual is the content's
 * first image, when it has one.
 */
export function deriveVariant(
  content: Pick<Content, 'title' | 'fields'>,
  network: Network,
  options: { firstImage?: string | null } = {},
): DerivedVariant {
  const title = content.title.trim();
  const lead = leadOf(content);
  const url = publicationUrl(content) ?? '';
  const post = textOf(content.fields?.text);
  const visual = options.firstImage ?? null;
  if (network === 'newsletter') {
    const subject = textOf(content.fields?.subject) || title;
    const preheader = textOf(content.fields?.preheader) || (lead !== subject ? lead : '');
    const body = textOf(content.fields?.body);
    const text = join(body ? plainText(body) : lead !== preheader ? lead : '', url);
    return { network, fields: { subject, preheader, text }, visual };
  }
  const text = post ? join(post, url) : join(title, lead !== title ? lead : '', url);
  return { network, fields: { text }, visual };
}

// ---- variants in the content page's flat values -------------------------------------------

/** "variants.<channel id>.<field>": a variant's field as one key of the page's values. */
export const variantKey = (channelId: string, field: string) => `variants.${channelId}.${field}`;

/** The channel and the field a variant key names; null for any other key. */
export function parseVariantKey(key: string): { channelId: string; field: string } | null {
  const match = /^variants\.([^.]+)\.(?:fields\.)?([^.]+)$/.exec(key);
  return match ? { channelId: match[1]!, field: match[2]! } : null;
}

/** A variant key as the server may name it in a conflict ("variants.<c>.fields.text") → ours. */
export function normalVariantKey(key: string): string {
  const parsed = parseVariantKey(key);
  return parsed ? variantKey(parsed.channelId, parsed.field) : key;
}

/** The variants of a content as flat values (each field, and the visual). */
export function variantValues(variants: Record<string, Variant> | undefined) {
  const values: Record<string, unknown> = {};
  for (const [channelId, variant] of Object.entries(variants ?? {})) {
    for (const [key, value] of Object.entries(variant.fields ?? {})) {
      values[variantKey(channelId, key)] = value;
    }
    values[variantKey(channelId, 'visual')] = variant.visual ?? null;
  }
  return values;
}

/**
 * Whether the page's values hold an edited variant for a channel (else it is derived from the
 * main text). A field emptied on purpose still makes it edited.
 */
export function hasVariant(values: Record<string, unknown>, channelId: string): boolean {
  const prefix = `variants.${channelId}.`;
  return Object.entries(values).some(
    ([key, value]) => key.startsWith(prefix) && value !== undefined,
  );
}

/** One variant's fields read from the page's values. */
export function variantFields(
  values: Record<string, unknown>,
  channelId: string,
  rules: NetworkRules,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of rules.fields) {
    const value = values[variantKey(channelId, field.key)];
    out[field.key] = typeof value === 'string' ? value : '';
  }
  return out;
}

/**
 * The PATCH body's `variants` for some changed keys:
 * {"<channel>": {"fields": {"text": "…"}, "visual": "…"}}.
 */
export function variantsPatch(
  keys: readonly string[],
  local: Record<string, unknown>,
): Record<string, { fields?: Record<string, unknown>; visual?: unknown }> {
  const out: Record<string, { fields?: Record<string, unknown>; visual?: unknown }> = {};
  for (const key of keys) {
    const parsed = parseVariantKey(key);
    if (!parsed) continue;
    const value = local[key] === undefined || local[key] === '' ? null : local[key];
    const entry = (out[parsed.channelId] ??= {});
    if (parsed.field === 'visual') entry.visual = value;
    else (entry.fields ??= {})[parsed.field] = value;
  }
  return out;
}

/** The channels of a content that get a variant: those with a network, in the tree's order. */
export function variantChannels(
  channels: readonly Channel[],
  selected: readonly string[],
): (Channel & { network: Network })[] {
  return channels.filter(
    (channel): channel is Channel & { network: Network } =>
      selected.includes(channel.id) && isNetwork(channel.network),
  );
}

/** "1.91:1" → "1.91 / 1", for CSS aspect-ratio; null when the network has no crop. */
export function cssRatio(ratio: string | null): string | null {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(ratio ?? '');
  return match ? `${match[1]} / ${match[2]}` : null;
}

/** Up to two initials of a page's name, for an avatar without a picture. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string) => [...word][0] ?? '';
  const letters =
    words.length > 1
      ? first(words[0]!) + first(words[words.length - 1]!)
      : [...(words[0] ?? '')].slice(0, 2).join('');
  return letters.toLocaleUpperCase();
}

/** The URLs a text holds (the first one makes the link card). */
export function urlsIn(text: string): string[] {
  return twitter.extractUrls(text);
}

/** How X shows a URL in a post: without its scheme, cut after 23 characters with "…". */
export function xDisplayUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  return [...bare].length > 23 ? `${[...bare].slice(0, 23).join('')}…` : bare;
}

/** The host of a URL, for a link card ("example.com"); the text itself when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.replace(
      /^www\./,
      '',
    );
  } catch {
    return url;
  }
}

export interface TextPiece {
  text: string;
  kind: 'plain' | 'url' | 'hashtag' | 'mention';
}

/** A post's text cut into plain runs and the links, hashtags and mentions a feed colours. */
export function textPieces(text: string): TextPiece[] {
  const entities = twitter
    .extractEntitiesWithIndices(text)
    .sort((a, b) => a.indices[0] - b.indices[0]);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const entity of entities) {
    const [start, end] = entity.indices;
    if (start < at) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), kind: 'plain' });
    const kind = 'url' in entity ? 'url' : 'screenName' in entity ? 'mention' : 'hashtag';
    pieces.push({ text: text.slice(start, end), kind });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), kind: 'plain' });
  return pieces;
}

/** The checks the server runs on a content's edited variants, run on what is on screen now. */
export function findVariantViolations(
  values: Record<string, unknown>,
  channels: readonly Channel[],
  served: readonly NetworkRules[] | undefined,
): VariantViolation[] {
  const selected = Array.isArray(values.channels) ? (values.channels as string[]) : [];
  return variantChannels(channels, selected).flatMap((channel) => {
    if (!hasVariant(values, channel.id)) return [];
    const rules = rulesFor(channel.network, served);
    return variantViolations(channel.id, variantFields(values, channel.id, rules), rules);
  });
}
