import type { KeyboardEvent } from 'react';
import type { EditorView } from '@codemirror/view';
import type { FormatAction } from '../utils/markdown-format';
import { formatCommand } from '../utils/format-command';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const ACTIONS: { action: FormatAction; label: string; text: string; shortcut?: string }[] = [
  { action: 'bold', label: 'Bold', text: 'B', shortcut: `${mod}B` },
  { action: 'italic', label: 'Italic', text: 'I', shortcut: `${mod}I` },
  { action: 'heading', label: 'Heading', text: 'H' },
  { action: 'link', label: 'Link', text: 'Link', shortcut: `${mod}K` },
  { action: 'quote', label: 'Quote', text: '❝' },
  { action: 'bullets', label: 'Bulleted list', text: '•—' },
  { action: 'numbers', label: 'Numbered list', text: '1.' },
  { action: 'code', label: 'Code', text: '</>' },
  { action: 'image', label: 'Image', text: 'Img' },
];

/** Arrow keys move between the buttons (the ARIA toolbar pattern); Tab moves past the whole toolbar. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return;
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
  event.preventDefault();
}

/** The formatting buttons; each applies the same edit as its shortcut to the editor's selection or cursor. */
export function FormatToolbar({ view, disabled }: { view: EditorView | null; disabled: boolean }) {
  return (
    <div role="toolbar" aria-label="Formatting" onKeyDown={moveFocus}
      className="flex flex-wrap gap-1">
      {ACTIONS.map(({ action, label, text, shortcut }, index) => (
        <button key={action} type="button" disabled={disabled || !view} tabIndex={index === 0 ? 0 : -1}
          aria-label={label} title={shortcut ? `${label} (${shortcut})` : label}
          aria-keyshortcuts={shortcut?.replace('⌘', 'Meta+').replace('Ctrl+', 'Control+')}
          // Keeps the focus (and the selection) in the editor when clicked with a pointer.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => view && formatCommand(action)(view)}
          className="min-w-9 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 disabled:text-slate-400">
          <span aria-hidden="true">{text}</span>
        </button>
      ))}
    </div>
  );
}
