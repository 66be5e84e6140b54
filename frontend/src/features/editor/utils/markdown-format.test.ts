import { describe, expect, it } from 'vitest';
import { applyEdit, format, type FormatAction } from './markdown-format';

/**
 * Runs one action on a text written with the selection marked: `[` and `]` around a selection, `|` for an empty
 * cursor. Returns the new text written the same way, so each case reads as before → after.
 */
function run(action: FormatAction, marked: string): string {
  const cursor = marked.indexOf('|');
  const from = cursor >= 0 ? cursor : marked.indexOf('[');
  const to = cursor >= 0 ? cursor : marked.indexOf(']') - 1;
  const text = cursor >= 0 ? marked.replace('|', '') : marked.replace('[', '').replace(']', '');
  const edit = format(action, text, { from, to });
  const result = applyEdit(text, edit);
  const [start, end] = [Math.min(edit.anchor, edit.head), Math.max(edit.anchor, edit.head)];
  if (start === end) return `${result.slice(0, start)}|${result.slice(start)}`;
  return `${result.slice(0, start)}[${result.slice(start, end)}]${result.slice(end)}`;
}

describe('inline formatting', () => {
  it('bold wraps the selection and keeps it selected', () => {
    expect(run('bold', 'say [hello] world')).toBe('say **[hello]** world');
  });

  it('bold on an empty cursor inserts a selected placeholder', () => {
    expect(run('bold', 'say | world')).toBe('say **[bold text]** world');
  });

  it('bold again unwraps, whether the markers are selected or around the selection', () => {
    expect(run('bold', 'say **[hello]** world')).toBe('say [hello] world');
    expect(run('bold', 'say [**hello**] world')).toBe('say [hello] world');
  });

  it('italic uses underscores, on a selection and on an empty cursor', () => {
    expect(run('italic', '[word]')).toBe('_[word]_');
    expect(run('italic', '|')).toBe('_[italic text]_');
  });

  it('code within a line is inline code', () => {
    expect(run('code', 'run [npm ci] now')).toBe('run `[npm ci]` now');
    expect(run('code', 'run | now')).toBe('run `[code]` now');
  });

  it('code over several lines becomes a fenced block', () => {
    expect(run('code', 'intro\n[a = 1\nb = 2]\nend')).toBe('intro\n```\n[a = 1\nb = 2]\n```\nend');
  });
});

describe('links and images', () => {
  it('link makes the selection the label and selects the URL to type', () => {
    expect(run('link', 'see [the docs] here')).toBe('see [the docs]([https://]) here');
  });

  it('link on an empty cursor selects a label placeholder', () => {
    expect(run('link', 'see | here')).toBe('see [[link text]](https://) here');
  });

  it('a selected URL becomes the target and the label is selected', () => {
    expect(run('link', '[https://example.org]')).toBe('[[link text]](https://example.org)');
  });

  it('image uses the selection as alt text, or a placeholder', () => {
    expect(run('image', '[a cat]')).toBe('![a cat]([https://])');
    expect(run('image', '|')).toBe('![[alt text]](https://)');
  });
});

describe('line formatting', () => {
  it('heading on an empty cursor makes the line an h2, then h3, then plain again', () => {
    expect(run('heading', 'Tit|le')).toBe('## Tit|le');
    expect(run('heading', '## Tit|le')).toBe('### Tit|le');
    expect(run('heading', '### Tit|le')).toBe('Tit|le');
  });

  it('heading on a selection applies to the lines it touches', () => {
    expect(run('heading', 'one\nt[wo]\nthree')).toBe('one\n[## two]\nthree');
  });

  it('quote prefixes every selected line and removes the prefix when all have it', () => {
    expect(run('quote', '[one\ntwo]')).toBe('[> one\n> two]');
    expect(run('quote', '[> one\n> two]')).toBe('[one\ntwo]');
  });

  it('quote on an empty cursor quotes the current line', () => {
    expect(run('quote', 'one\nt|wo')).toBe('one\n> t|wo');
  });

  it('bullets on a selection, leaving blank lines between items alone', () => {
    expect(run('bullets', '[apples\n\npears]')).toBe('[- apples\n\n- pears]');
  });

  it('bullets on an empty line start a list item', () => {
    expect(run('bullets', 'intro\n|')).toBe('intro\n- |');
  });

  it('numbers count up, and replace bullets already there', () => {
    expect(run('numbers', '[- apples\n- pears\n- plums]')).toBe('[1. apples\n2. pears\n3. plums]');
    expect(run('numbers', '|')).toBe('1. |');
  });

  it('numbers again removes the numbering', () => {
    expect(run('numbers', '[1. apples\n2. pears]')).toBe('[apples\npears]');
  });
});
