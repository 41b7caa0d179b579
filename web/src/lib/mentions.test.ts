import { describe, expect, it } from 'vitest';
import {
  everyone,
  insertMention,
  mentionCandidates,
  matchCandidates,
  mentionAt,
  mentionToken,
  splitMentions,
  type MentionCandidate,
} from './mentions';

const claire: MentionCandidate = { kind: 'user', id: 'u1', name: 'Claire Dubois' };
const legal: MentionCandidate = { kind: 'team', id: 't1', name: 'Légal' };
const chloe: MentionCandidate = { kind: 'user', id: 'u2', name: 'Chloé Martin' };

describe('mentionAt', () => {
  it('finds the @word before the caret', () => {
    expect(mentionAt('Hello @cla', 10)).toEqual({ start: 6, query: 'cla' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
  });

  it('ignores an @ inside a word or after a space', () => {
    expect(mentionAt('mail me@x', 9)).toBeNull();
    expect(mentionAt('@cla ire', 8)).toBeNull();
    expect(mentionAt('see @[Claire](user:u1)', 22)).toBeNull();
  });
});

describe('matchCandidates', () => {
  it('ignores case and accents, names starting with the query first', () => {
    expect(matchCandidates([claire, legal, chloe], 'LEG')).toEqual([legal]);
    expect(matchCandidates([claire, legal, chloe], 'chloe')).toEqual([chloe]);
    expect(matchCandidates([claire, legal, chloe], 'dub')).toEqual([claire]);
    expect(matchCandidates([claire, legal, chloe], 'i')).toEqual([claire, chloe]);
    expect(matchCandidates([claire, legal, chloe], '', 2)).toHaveLength(2);
  });
});

describe('insertMention', () => {
  it('puts the structured form in place of what was typed', () => {
    const result = insertMention('Please @leg check', 7, 11, legal);
    expect(result.text).toBe('Please @[Légal](team:t1) check');
    expect(result.caret).toBe('Please @[Légal](team:t1) '.length);
  });

  it('leaves brackets out of the name', () => {
    expect(mentionToken({ kind: 'user', id: 'x', name: 'A [B]' })).toBe('@[A B](user:x)');
  });
});

describe('splitMentions', () => {
  it('shows mentions by their name and keeps the rest as text', () => {
    expect(splitMentions('Hi @[Claire Dubois](user:u1), and @[Légal](team:t1)!')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'mention', kind: 'user', id: 'u1', name: 'Claire Dubois' },
      { type: 'text', text: ', and ' },
      { type: 'mention', kind: 'team', id: 't1', name: 'Légal' },
      { type: 'text', text: '!' },
    ]);
    expect(splitMentions('<b>plain</b> @Claire')).toEqual([
      { type: 'text', text: '<b>plain</b> @Claire' },
    ]);
  });
});

describe('@everyone', () => {
  it('is offered first and inserted as the plain form the server reads', () => {
    const candidates = mentionCandidates([{ user_id: 'u1', name: 'Claire Dubois' }], []);
    expect(candidates[0]).toBe(everyone);
    expect(matchCandidates(candidates, 'ev')).toEqual([everyone]);
    expect(insertMention('Hi @ev', 3, 6, everyone).text).toBe('Hi @everyone ');
  });

  it('shows back as a mention, but not inside a word or a longer name', () => {
    expect(splitMentions('@everyone, read this')[0]).toEqual({
      type: 'mention',
      kind: 'everyone',
      id: 'everyone',
      name: 'everyone',
    });
    expect(splitMentions('mail@everyone.com @everyones')).toEqual([
      { type: 'text', text: 'mail@everyone.com @everyones' },
    ]);
  });
});
