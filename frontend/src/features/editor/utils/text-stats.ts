/** Average silent reading speed used for the estimate (words per minute). */
export const WORDS_PER_MINUTE = 230;

/**
 * Words a reader will read in a Markdown body: link targets, image references, code fences' language tags and
 * the Markdown punctuation itself do not count; words inside code do.
 */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^```.*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#>*_`~|-]+/g, ' ');
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:;!?]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes, at least one for any text at all. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function statsLine(markdown: string): string {
  const words = countWords(markdown);
  const minutes = readingMinutes(words);
  return `${words} ${words === 1 ? 'word' : 'words'} · ${minutes} min read`;
}
