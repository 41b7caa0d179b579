// Mentions in comments: the UI inserts the structured form the server reads
// (`@[Claire Dubois](user:ID)`, `@[Legal](team:ID)`, and the plain `@everyone`) and shows it back
// as the bare name.

export type MentionKind = 'user' | 'team' | 'everyone';

export interface MentionCandidate {
  kind: MentionKind;
  id: string;
  name: string;
}

export type BodyPart =
  { type: 'text'; text: string } | { type: 'mention'; kind: MentionKind; id: string; name: string };

/** Folds case and accents away, so "cla" finds "Claire" and "leg" finds "Légal". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The mention being typed just before the caret: `@` at the start or after a space, then no
 * space. Null when the caret is not in one.
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@[\]()]*)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** `@everyone`: the members who can read the content (the server checks who). */
export const everyone: MentionCandidate = { kind: 'everyone', id: 'everyone', name: 'everyone' };

/** Whom a comment may mention: everyone first, then the teams, then the people. */
export function mentionCandidates(
  members: readonly { user_id: string; name: string }[],
  teams: readonly { id: string; name: string }[],
): MentionCandidate[] {
  return [
    everyone,
    ...teams.map((team) => ({ kind: 'team' as const, id: team.id, name: team.name })),
    ...members.map((m) => ({ kind: 'user' as const, id: m.user_id, name: m.name })),
  ];
}

/** Members and teams whose name matches what was typed, teams first, at most `limit`. */
export function matchCandidates(
  candidates: readonly MentionCandidate[],
  query: string,
  limit = 8,
): MentionCandidate[] {
  const wanted = fold(query);
  const starts: MentionCandidate[] = [];
  const contains: MentionCandidate[] = [];
  for (const candidate of candidates) {
    const name = fold(candidate.name);
    if (name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted))) {
      starts.push(candidate);
    } else if (name.includes(wanted)) {
      contains.push(candidate);
    }
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The structured form of a mention. Brackets in a name would end it early: they are left out. */
export function mentionToken(candidate: MentionCandidate): string {
  if (candidate.kind === 'everyone') return '@everyone';
  const name = candidate.name.replace(/[[\]]/g, '');
  return `@[${name}](${candidate.kind}:${candidate.id})`;
}

/** Replaces the `@query` typed from `start` to `caret` by the mention and a space. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  candidate: MentionCandidate,
): { text: string; caret: number } {
  const token = `${mentionToken(candidate)} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + token + after, caret: start + token.length };
}

// The structured form, or `@everyone` at the start or after a space, not followed by a letter.
const structured = /@\[([^\]]+)\]\((user|team):([^)\s]+)\)|(?<=^|\s)@everyone(?![\p{L}\p{N}_])/gu;

/** Splits a comment's text into plain text and mentions, to show mentions by name. */
export function splitMentions(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(structured)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ type: 'text', text: body.slice(last, index) });
    parts.push(
      match[1] === undefined
        ? { type: 'mention', kind: 'everyone', id: 'everyone', name: 'everyone' }
        : { type: 'mention', name: match[1], kind: match[2] as MentionKind, id: match[3]! },
    );
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ type: 'text', text: body.slice(last) });
  return parts;
}
