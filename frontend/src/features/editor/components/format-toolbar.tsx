import type { KeyboardEvent } from 'react';
import type { EditorView } from '@codemirror/view';
import type { FormatAction } from '../utils/markdown-format';
import { formatCommand } from '../utils/format-command';
import { InsertImageButton } from './insert-image-button';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

interface Action {
  action: FormatAction;
  label: string;
  text: string;
  shortcut?: string;
}

const ACTIONS: Action[] = [
  { action: 'bold', label: 'Bold', text: 'B', shortcut: `${mod}B` },
  { action: 'italic', label: 'Italic', text: 'I', shortcut: `${mod}I` },
  { action: 'heading', label: 'Heading', text: 'H' },
  { action: 'link', label: 'Link', text: 'Link', shortcut: `${mod}K` },
  { action: 'quote', label: 'Quote', text: '❝' },
  { action: 'bullets', label: 'Bulleted list', text: '•—' },
  { action: 'numbers', label: 'Numbered list', text: '1.' },
  { action: 'code', label: 'Code', text: '</>' },
];

/** The old template, kept for images that live on another site (the preview holds those back until asked). */
const IMAGE_BY_ADDRESS: Action = { action: 'image', label: 'Image by address', text: '![ ]' };

const BUTTON = 'min-w-9 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 disabled:text-slate-400';

/** Arrow keys move between the buttons (the ARIA toolbar pattern); Tab moves past the whole toolbar. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return;
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
  event.preventDefault();
}

interface FormatToolbarProps {
  view: EditorView | null;
  disabled: boolean;
  /** An image chosen with "Insert image" could not be uploaded. */
  onUploadError: (message: string) => void;
}

/**
 * The formatting buttons; each applies the same edit as its shortcut to the editor's selection or cursor.
 * "Insert image" uploads chosen files instead (insert-image-button.tsx).
 */
export function FormatToolbar({ view, disabled, onUploadError }: FormatToolbarProps) {
  const formatButton = ({ action, label, text, shortcut }: Action, tabStop: boolean) => (
    <button key={action} type="button" disabled={disabled || !view} tabIndex={tabStop ? 0 : -1}
      aria-label={label} title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={shortcut?.replace('⌘', 'Meta+').replace('Ctrl+', 'Control+')}
      // Keeps the focus (and the selection) in the editor when clicked with a pointer.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => view && formatCommand(action)(view)} className={BUTTON}>
      <span aria-hidden="true">{text}</span>
    </button>
  );
  return (
    <div role="toolbar" aria-label="Formatting" onKeyDown={moveFocus}
      className="flex flex-wrap gap-1">
      {ACTIONS.map((action, index) => formatButton(action, index === 0))}
      <InsertImageButton view={view} disabled={disabled} tabStop={false} className={BUTTON} onUploadError={onUploadError} />
      {formatButton(IMAGE_BY_ADDRESS, false)}
    </div>
  );
}
