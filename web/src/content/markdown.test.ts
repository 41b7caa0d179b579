import { describe, expect, it } from 'vitest';
import { tidyMarkdown } from './markdown';

describe('tidyMarkdown', () => {
  it('keeps one blank line between blocks, none at the end', () => {
    expect(tidyMarkdown('> Quote.\n\n\n| A |\n| - |\n\n\n\nEnd\n\n')).toBe(
      '> Quote.\n\n| A |\n| - |\n\nEnd',
    );
  });

  it('drops blank lines at the start, not the indentation of the first line', () => {
    expect(tidyMarkdown('\n\n| A |\n| - |')).toBe('| A |\n| - |');
    expect(tidyMarkdown('    indented code')).toBe('    indented code');
  });

  it('leaves code blocks as they are', () => {
    const code = '```\nline 1\n\n\nline 4\n```';
    expect(tidyMarkdown(`Intro\n\n\n${code}`)).toBe(`Intro\n\n${code}`);
  });
});
