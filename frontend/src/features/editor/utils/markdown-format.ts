/**
 * The toolbar's and shortcuts' Markdown edits as pure functions of the text and the selection, so that each can
 * be tested without an editor. Each returns one replaced range and the selection after it; the CodeMirror
 * adapter applies it as a single undoable change.
 */
export interface Selection {
  from: number;
  to: number;
}

export interface Edit {
  from: number;
  to: number;
  insert: string;
  /** The selection after the edit, in the new text. */
  anchor: number;
  head: number;
}

export type FormatAction = 'bold' | 'italic' | 'heading' | 'link' | 'quote' | 'bullets' | 'numbers' | 'code' | 'image';

const INLINE: Record<'bold' | 'italic' | 'code', { marker: string; placeholder: string }> = {
  bold: { marker: '**', placeholder: 'bold text' },
  italic: { marker: '_', placeholder: 'italic text' },
  code: { marker: '`', placeholder: 'code' },
};

/** Wraps the selection in `marker` (or unwraps it when already wrapped); an empty cursor gets a selected placeholder. */
function toggleInline(text: string, sel: Selection, marker: string, placeholder: string): Edit {
  const n = marker.length;
  const selected = text.slice(sel.from, sel.to);
  if (selected.length >= 2 * n && selected.startsWith(marker) && selected.endsWith(marker)) {
    const inner = selected.slice(n, -n);
    return { from: sel.from, to: sel.to, insert: inner, anchor: sel.from, head: sel.from + inner.length };
  }
  if (text.slice(sel.from - n, sel.from) === marker && text.slice(sel.to, sel.to + n) === marker && sel.from >= n) {
    return { from: sel.from - n, to: sel.to + n, insert: selected, anchor: sel.from - n, head: sel.to - n };
  }
  const inner = selected || placeholder;
  return {
    from: sel.from, to: sel.to, insert: marker + inner + marker, anchor: sel.from + n, head: sel.from + n + inner.length,
  };
}

/** A selection over several lines becomes a fenced code block; within one line, inline code. */
function code(text: string, sel: Selection): Edit {
  const selected = text.slice(sel.from, sel.to);
  if (!selected.includes('\n')) return toggleInline(text, sel, INLINE.code.marker, INLINE.code.placeholder);
  const { from, to } = wholeLines(text, sel);
  const block = text.slice(from, to);
  const before = from > 0 && text[from - 1] !== '\n' ? '\n' : '';
  const insert = `${before}\`\`\`\n${block}\n\`\`\``;
  return { from, to, insert, anchor: from + before.length + 4, head: from + before.length + 4 + block.length };
}

const URL_LIKE = /^(https?:\/\/|\/)\S*$/;

/** `[text](url)`: the selected text becomes the label (or, if it is a URL, the target) and the other part is selected. */
function link(text: string, sel: Selection, image: boolean): Edit {
  const selected = text.slice(sel.from, sel.to);
  const bang = image ? '!' : '';
  if (URL_LIKE.test(selected)) {
    const label = image ? 'alt text' : 'link text';
    const start = sel.from + bang.length + 1;
    return { from: sel.from, to: sel.to, insert: `${bang}[${label}](${selected})`, anchor: start, head: start + label.length };
  }
  const label = selected || (image ? 'alt text' : 'link text');
  const url = 'https://';
  const insert = `${bang}[${label}](${url})`;
  if (!selected) {
    const start = sel.from + bang.length + 1;
    return { from: sel.from, to: sel.to, insert, anchor: start, head: start + label.length };
  }
  const urlStart = sel.from + bang.length + label.length + 3;
  return { from: sel.from, to: sel.to, insert, anchor: urlStart, head: urlStart + url.length };
}

/** The start of the first and the end of the last line the selection touches. */
function wholeLines(text: string, sel: Selection): Selection {
  const from = text.lastIndexOf('\n', sel.from - 1) + 1;
  const end = text.indexOf('\n', sel.to);
  return { from, to: end === -1 ? text.length : end };
}

const PREFIXES: Record<'quote' | 'bullets' | 'numbers', RegExp> = {
  quote: /^> ?/,
  bullets: /^[-*+] /,
  numbers: /^\d+[.)] /,
};

/** Any list or quote marker a line may already carry, replaced when switching between kinds. */
const ANY_BLOCK_PREFIX = /^(> ?|[-*+] |\d+[.)] )/;

/**
 * Prefixes every selected line (quote, bullets, numbers 1., 2., …), or removes the prefix when every non-empty
 * line has it already. The selection keeps covering the same lines.
 */
function toggleLines(text: string, sel: Selection, kind: 'quote' | 'bullets' | 'numbers'): Edit {
  const { from, to } = wholeLines(text, sel);
  const lines = text.slice(from, to).split('\n');
  const filled = lines.filter((line) => line.trim() !== '');
  const remove = filled.length > 0 && filled.every((line) => PREFIXES[kind].test(line));
  let number = 0;
  const changed = lines.map((line) => {
    if (remove) return line.replace(PREFIXES[kind], '');
    if (line.trim() === '' && lines.length > 1) return line;
    const bare = line.replace(ANY_BLOCK_PREFIX, '');
    number += 1;
    const prefix = kind === 'quote' ? '> ' : kind === 'bullets' ? '- ' : `${number}. `;
    return prefix + bare;
  });
  const insert = changed.join('\n');
  if (sel.from === sel.to && lines.length === 1) {
    // An empty cursor stays where it was in the line's text.
    const moved = sel.from + (insert.length - (to - from));
    const cursor = Math.max(from, moved);
    return { from, to, insert, anchor: cursor, head: cursor };
  }
  return { from, to, insert, anchor: from, head: from + insert.length };
}

/** Cycles the line(s) through `## ` → `### ` → plain; a plain line becomes `## ` (the post title is the h1). */
function heading(text: string, sel: Selection): Edit {
  const { from, to } = wholeLines(text, sel);
  const lines = text.slice(from, to).split('\n');
  const match = /^(#{1,6}) /.exec(lines[0]);
  const level = match ? match[1].length : 0;
  const next = level === 0 ? 2 : level === 2 ? 3 : 0;
  const insert = lines
    .map((line) => {
      const bare = line.replace(/^#{1,6} /, '');
      return next === 0 || (line.trim() === '' && lines.length > 1) ? bare : `${'#'.repeat(next)} ${bare}`;
    })
    .join('\n');
  if (sel.from === sel.to && lines.length === 1) {
    const cursor = Math.max(from, sel.from + (insert.length - (to - from)));
    return { from, to, insert, anchor: cursor, head: cursor };
  }
  return { from, to, insert, anchor: from, head: from + insert.length };
}

/** The edit one toolbar action makes on `text` with the selection `sel`. */
export function format(action: FormatAction, text: string, sel: Selection): Edit {
  switch (action) {
    case 'bold':
    case 'italic':
      return toggleInline(text, sel, INLINE[action].marker, INLINE[action].placeholder);
    case 'code':
      return code(text, sel);
    case 'link':
      return link(text, sel, false);
    case 'image':
      return link(text, sel, true);
    case 'heading':
      return heading(text, sel);
    default:
      return toggleLines(text, sel, action);
  }
}

/** Applies an edit to a string (for tests and for callers without an editor). */
export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
}
