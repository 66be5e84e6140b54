import type { Command } from '@codemirror/view';
import { format, type FormatAction } from './markdown-format';

/** A toolbar action as a CodeMirror command: one undoable change, the result selected, the editor focused. */
export function formatCommand(action: FormatAction): Command {
  return (view) => {
    if (view.state.readOnly) return false;
    // Focus first: focusing afterwards lets the browser's stale DOM selection overwrite the one set here.
    view.focus();
    const { from, to } = view.state.selection.main;
    const edit = format(action, view.state.doc.toString(), { from, to });
    view.dispatch({
      changes: { from: edit.from, to: edit.to, insert: edit.insert },
      selection: { anchor: edit.anchor, head: edit.head },
      scrollIntoView: true,
      userEvent: 'input.format',
    });
    return true;
  };
}
