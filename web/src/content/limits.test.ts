import { describe, expect, it } from 'vitest';
import type { Channel } from '../api/types';
import { counterLevel, findViolations, isSendableUrl, limitsFor, worstLevel } from './limits';

const channel = (id: string, char_limit: number | null): Channel => ({
  id,
  name: id,
  color: '#000',
  parent: null,
  char_limit,
  position: 0,
});
const channels = [channel('x', 280), channel('linkedin', 3000), channel('blog', null)];

describe('character limits', () => {
  it('turns amber near the limit and red past it', () => {
    expect(counterLevel(251, 280)).toBe('ok');
    expect(counterLevel(252, 280)).toBe('near');
    expect(counterLevel(280, 280)).toBe('near');
    expect(counterLevel(281, 280)).toBe('over');
  });

  it("measures against the field's limit and each selected channel's", () => {
    const limits = limitsFor({ max_length: 3000, channel_limits: true }, channels, ['x', 'blog']);
    expect(limits.map((l) => [l.limit, l.channel?.id])).toEqual([
      [3000, undefined],
      [280, 'x'],
    ]);
    expect(worstLevel(300, limits)).toBe('over');
    expect(worstLevel(10, limits)).toBe('ok');
    expect(limitsFor({ max_length: null, channel_limits: false }, channels, ['x'])).toEqual([]);
  });
});

describe('findViolations', () => {
  it('lists missing required fields and every limit passed, as the server does', () => {
    const fields = [
      {
        key: 'text',
        label: 'Text',
        kind: 'longtext' as const,
        required: true,
        max_length: 3000,
        channel_limits: true,
      },
      { key: 'seo', label: 'SEO', kind: 'text' as const, required: false, max_length: 5 },
    ];
    const values = {
      title: 'T',
      channels: ['x'],
      'fields.text': 'a'.repeat(300),
      'fields.seo': 'abcdef',
    };
    expect(
      findViolations(values, fields, channels).map((v) => [v.field, v.rule, v.limit, v.actual]),
    ).toEqual([
      ['text', 'channel_limit', 280, 300],
      ['seo', 'max_length', 5, 6],
    ]);
    expect(findViolations({ title: 'T', 'fields.text': '  ' }, fields, channels)[0]?.rule).toBe(
      'required',
    );
  });
});

describe('isSendableUrl', () => {
  it('waits for a whole http(s) address, and lets an empty field go', () => {
    expect(isSendableUrl('https://example.com/a')).toBe(true);
    expect(isSendableUrl('')).toBe(true);
    expect(isSendableUrl('https://')).toBe(false);
    expect(isSendableUrl('example.com')).toBe(false);
    expect(isSendableUrl('https://exa mple.com')).toBe(false);
  });
});
