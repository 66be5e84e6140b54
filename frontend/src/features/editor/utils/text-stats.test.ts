import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, statsLine } from './text-stats';

describe('text stats', () => {
  it('counts the words a reader reads, not the Markdown around them', () => {
    expect(countWords('## A title\n\n- one **bold** item\n> quoted words')).toBe(7);
    expect(countWords('See [the docs](https://example.org/a-long/path) now')).toBe(4);
    expect(countWords('![a cat](/cat.png) Hello')).toBe(1);
    expect(countWords("It's Ana’s post, 2026.")).toBe(4);
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\n  ')).toBe(0);
  });

  it('reads at least a minute for any text, rounding to whole minutes', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
    expect(readingMinutes(1000)).toBe(4);
  });

  it('says it in a line', () => {
    expect(statsLine('one')).toBe('1 word · 1 min read');
    expect(statsLine('')).toBe('0 words · 0 min read');
  });
});
