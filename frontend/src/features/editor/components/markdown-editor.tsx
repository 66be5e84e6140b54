import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { editorTheme, markdownHighlight } from '../utils/editor-theme';
import { formatCommand } from '../utils/format-command';
import { imageUploads } from '../utils/image-uploads';

/** Marks the editor's own copies of a new outside value, so they are not reported back as typing. */
const fromOutside = Annotation.define<boolean>();

/** How many reported texts are remembered while waiting for React to hand them back. */
const MAX_REPORTED = 64;

interface MarkdownEditorProps {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  /** The accessible name (the same words as the visible label outside, which ids cannot reach in the shadow root). */
  label: string;
  invalid?: boolean;
  /** The view, for the formatting toolbar (and for tests). */
  onView?: (view: EditorView | null) => void;
  /** A pasted or dropped image could not be uploaded (utils/image-uploads.ts). */
  onUploadError?: (message: string) => void;
}

function attributes(label: string, invalid: boolean | undefined) {
  return EditorView.contentAttributes.of({ 'aria-label': label, ...(invalid ? { 'aria-invalid': 'true' } : {}) });
}

/**
 * The editor lives in an open shadow root: CodeMirror then puts its styles in a constructed style sheet
 * (`adoptedStyleSheets`) instead of a `<style>` element, which the admin's `style-src 'self'` would block
 * (docs/admin.md "Security headers"). Inherited styles (font, colour) still come from the page.
 */
function shadowParent(host: HTMLElement): { parent: HTMLElement; root: ShadowRoot } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const parent = document.createElement('div');
  root.append(parent);
  return { parent, root };
}

/**
 * The Markdown body in CodeMirror 6: syntax colouring, line wrapping, undo history, search (Mod-F), list
 * continuation on Enter, the formatting shortcuts, and images pasted or dropped in uploaded (utils/image-uploads.ts). Tab is deliberately not bound, so keyboard users can tab out
 * of the editor like out of any field (docs/admin.md). React owns the text: each change is reported through
 * `onChange`, and a different `value` from outside (a restore, their version after a conflict) replaces the text;
 * a `value` that is only a late echo of the editor's own earlier text is ignored.
 */
export function MarkdownEditor({ value, onChange, readOnly, label, invalid, onView, onUploadError }: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onView, onUploadError });
  const compartments = useRef({ readOnly: new Compartment(), attributes: new Compartment() });
  /** Texts reported through onChange that React has not handed back yet, oldest first. */
  const reported = useRef<string[]>([]);
  useEffect(() => {
    latest.current = { onChange, onView, onUploadError };
  });

  useEffect(() => {
    const { readOnly: readOnlySlot, attributes: attributesSlot } = compartments.current;
    const created = new EditorView({
      ...shadowParent(host.current!),
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          search({ top: true }),
          highlightSelectionMatches(),
          EditorView.lineWrapping,
          markdown(),
          syntaxHighlighting(markdownHighlight),
          editorTheme,
          imageUploads((message) => latest.current.onUploadError?.(message)),
          Prec.high(keymap.of([
            { key: 'Mod-b', run: formatCommand('bold') },
            { key: 'Mod-i', run: formatCommand('italic') },
            { key: 'Mod-k', run: formatCommand('link') },
          ])),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
          readOnlySlot.of(EditorState.readOnly.of(readOnly)),
          attributesSlot.of(attributes(label, invalid)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromOutside))) {
              const text = update.state.doc.toString();
              reported.current = [...reported.current.slice(-(MAX_REPORTED - 1)), text];
              latest.current.onChange(text);
            }
          }),
        ],
      }),
    });
    view.current = created;
    latest.current.onView?.(created);
    return () => {
      latest.current.onView?.(null);
      created.destroy();
      view.current = null;
    };
    // The view is made once; later props reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    if (current.state.doc.toString() === value) {
      reported.current = [];
      return;
    }
    // React may hand back a text this editor reported a few keystrokes ago (its render lags behind fast typing):
    // that is an echo, not a new value, and replacing the text with it would lose the keystrokes since and move
    // the cursor. Echoes come back in order, so everything reported before it is settled too.
    const echo = reported.current.indexOf(value);
    if (echo >= 0) {
      reported.current = reported.current.slice(echo + 1);
      return;
    }
    reported.current = [];
    current.dispatch({
      changes: { from: 0, to: current.state.doc.length, insert: value },
      annotations: fromOutside.of(true),
    });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.readOnly.reconfigure(EditorState.readOnly.of(readOnly)) });
  }, [readOnly]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.attributes.reconfigure(attributes(label, invalid)),
    });
  }, [label, invalid]);

  return <div ref={host} data-testid="markdown-editor" className="rounded-md border border-slate-300 bg-white" />;
}
