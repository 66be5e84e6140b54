import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * Markdown colouring in the admin's palette (Tailwind slate/indigo values): headings bold and larger, emphasis
 * and strong as they will read, links, code and quotes set apart, the punctuation muted. Contrast of every
 * colour on white is at least 4.5:1.
 */
export const markdownHighlight = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: '700', fontSize: '1.3em' },
  { tag: tags.heading2, fontWeight: '700', fontSize: '1.2em' },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: '#4338ca' },
  { tag: tags.monospace, color: '#9d174d', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
  { tag: tags.quote, color: '#475569', fontStyle: 'italic' },
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.list, tags.meta], color: '#64748b' },
]);

/** Comfortable writing size, wrapped lines, and a focus ring as visible as the other fields' ring. */
export const editorTheme = EditorView.theme({
  '&': { fontSize: '0.95rem', minHeight: '24rem', borderRadius: '0.375rem' },
  '&.cm-focused': { outline: '2px solid #4f46e5', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', lineHeight: '1.6', minHeight: '24rem' },
  '.cm-content': { padding: '0.75rem 0', caretColor: '#0f172a' },
  '.cm-line': { padding: '0 0.75rem' },
  '&.cm-editor[aria-readonly], .cm-content[aria-readonly="true"]': { backgroundColor: '#f8fafc' },
});
