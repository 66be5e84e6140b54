import { useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { statsLine } from '../utils/text-stats';
import { FormatToolbar } from './format-toolbar';
import { MarkdownEditor } from './markdown-editor';
import { PreviewPane } from './preview-pane';

export type EditorMode = 'write' | 'preview' | 'split';

const MODES: { mode: EditorMode; label: string }[] = [
  { mode: 'write', label: 'Write' },
  { mode: 'split', label: 'Side by side' },
  { mode: 'preview', label: 'Preview' },
];

/** Side by side where there is room for two readable columns (Tailwind's `lg`), else writing alone. */
function initialMode(): EditorMode {
  if (typeof window.matchMedia !== 'function') return 'split';
  return window.matchMedia('(min-width: 1024px)').matches ? 'split' : 'write';
}

interface BodyEditorProps {
  body: string;
  error?: string;
  readOnly: boolean;
  previewDelayMs?: number;
  onChange: (body: string) => void;
}

/**
 * The post body: the Markdown editor with its formatting toolbar, the server's preview, the three modes, and the
 * word count with reading time. The editor stays mounted while hidden in preview mode, so undo history and the
 * cursor survive switching modes.
 */
export function BodyEditor({ body, error, readOnly, previewDelayMs, onChange }: BodyEditorProps) {
  const [mode, setMode] = useState(initialMode);
  const [view, setView] = useState<EditorView | null>(null);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const uploadFailed = (message: string) => setUploadErrors((now) => [...now, message]);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {/* The editor's own aria-label says the same (a label's id cannot reach into its shadow root). */}
        <div className="text-sm font-medium text-slate-800" onClick={() => view?.focus()}>Body (Markdown)</div>
        <div role="group" aria-label="View" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {MODES.map((choice) => (
            <button key={choice.mode} type="button" aria-pressed={mode === choice.mode} onClick={() => setMode(choice.mode)}
              className={`rounded px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${mode === choice.mode ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}>
              {choice.label}
            </button>
          ))}
        </div>
      </div>
      <div className={`grid gap-4 ${mode === 'split' ? 'lg:grid-cols-2' : ''}`}>
        <div className={mode === 'preview' ? 'hidden' : 'space-y-2'}>
          <FormatToolbar view={view} disabled={readOnly} onUploadError={uploadFailed} />
          <MarkdownEditor value={body} onChange={onChange} readOnly={readOnly} label="Body (Markdown)"
            invalid={Boolean(error)} onView={setView}
            onUploadError={uploadFailed} />
          {uploadErrors.length > 0 && (
            <div role="alert" data-testid="upload-errors" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
              {uploadErrors.map((message, index) => <p key={index}>{message}</p>)}
              <button type="button" onClick={() => setUploadErrors([])}
                className="text-xs underline focus-visible:outline-2 focus-visible:outline-indigo-600">Dismiss</button>
            </div>
          )}
          {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
        </div>
        {mode !== 'write' && <PreviewPane body={body} delayMs={previewDelayMs} />}
      </div>
      <p data-testid="body-stats" className="text-xs text-slate-600">{statsLine(body)}</p>
    </div>
  );
}
