import { describe, expect, it } from 'vitest';
import type { Channel } from '../api/types';
import { keyFromLabel } from '../screens/settings/TypesSettings';
import { channelDepths } from './channels';

const channel = (id: string, parent: string | null): Channel => ({
  id,
  name: id,
  color: '#000',
  parent,
  char_limit: null,
  position: 0,
});

describe('channelDepths', () => {
  it('counts how deep each channel sits, and survives a loop', () => {
    const depths = channelDepths([
      channel('social', null),
      channel('linkedin', 'social'),
      channel('company', 'linkedin'),
      channel('a', 'b'),
      channel('b', 'a'),
      channel('orphan', 'gone'),
    ]);
    expect(depths.get('social')).toBe(0);
    expect(depths.get('linkedin')).toBe(1);
    expect(depths.get('company')).toBe(2);
    expect(depths.get('orphan')).toBe(0);
    expect(depths.get('a')).toBeGreaterThanOrEqual(0);
  });
});

describe('keyFromLabel', () => {
  it('makes a field key people need not type', () => {
    expect(keyFromLabel('Lead paragraph')).toBe('lead_paragraph');
    expect(keyFromLabel('Titre SEO (Google)')).toBe('titre_seo_google');
    expect(keyFromLabel('Légende')).toBe('legende');
  });
});
