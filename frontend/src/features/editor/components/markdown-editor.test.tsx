import { EditorView } from '@codemirror/view';
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownEditor } from './markdown-editor';

/** The editor with a parent that hands values back only when the test says so, as a lagging React render would. */
function setUp(initial: string) {
  const reported: string[] = [];
  let view: EditorView | null = null;
  const element = (value: string) => (
    <MarkdownEditor value={value} onChange={(text) => reported.push(text)} readOnly={false} label="Body"
      onView={(created) => { view = created; }} />
  );
  const { rerender } = render(element(initial));
  const editor = () => {
    if (!view) throw new Error('no view');
    return view;
  };
  const type = (text: string) => act(() => {
    const at = editor().state.selection.main.head;
    editor().dispatch({ changes: { from: at, insert: text }, selection: { anchor: at + text.length }, userEvent: 'input.type' });
  });
  const handBack = (value: string) => act(() => rerender(element(value)));
  return { editor, type, handBack, reported };
}

describe('MarkdownEditor', () => {
  it('keeps typing and the cursor when React hands back its earlier texts late', () => {
    const { editor, type, handBack, reported } = setUp('draft');
    act(() => editor().dispatch({ changes: { from: 0, to: editor().state.doc.length, insert: '' } }));
    type('w');
    // The parent's render for the cleared text lands only now, after the next keystroke, and then the one for 'w'.
    handBack('');
    handBack('w');
    type('ord');
    expect(editor().state.doc.toString()).toBe('word');
    expect(editor().state.selection.main.head).toBe(4);
    expect(reported).toEqual(['', 'w', 'word']);
  });

  it('replaces the text with a value that did not come from it (a restore, their version after a conflict)', () => {
    const { editor, type, handBack, reported } = setUp('mine');
    type('!');
    handBack('!mine');
    handBack('theirs');
    expect(editor().state.doc.toString()).toBe('theirs');
    // The outside value is not reported back as typing.
    expect(reported).toEqual(['!mine']);
  });

  it('takes an outside value even when it equals a text it reported before it was handed back', () => {
    const { editor, type, handBack } = setUp('');
    type('a');
    handBack('a');
    type('b');
    handBack('ab');
    // Settled: 'a' is no longer pending, so a restore to 'a' is a real change.
    handBack('a');
    expect(editor().state.doc.toString()).toBe('a');
  });
});
