import { useRef, type ChangeEvent } from 'react';
import type { EditorView } from '@codemirror/view';
import { uploadImages } from '../utils/image-uploads';

/** What the chooser offers: the formats the media library takes (docs/media.md). */
const IMAGE_TYPES = 'image/jpeg,image/png,image/gif,image/webp';

interface InsertImageButtonProps {
  view: EditorView | null;
  disabled: boolean;
  /** Whether this button is the toolbar's tab stop (the toolbar moves focus between its buttons with the arrows). */
  tabStop: boolean;
  className: string;
  onUploadError: (message: string) => void;
}

/**
 * "Insert image": opens the file chooser, and the chosen files take the same path as images pasted or dropped
 * into the body (utils/image-uploads.ts): a placeholder with progress at the cursor, then `![alt](url)`, or a
 * message when the server refuses one. The chooser offers only the accepted formats, but what the writer picks
 * anyway is sent, so a refusal is the server's own words rather than a silent drop.
 */
export function InsertImageButton({ view, disabled, tabStop, className, onUploadError }: InsertImageButtonProps) {
  const chooser = useRef<HTMLInputElement>(null);

  function chosen(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    // Emptied so that choosing the same file again is a change again.
    event.target.value = '';
    if (!view || view.state.readOnly || files.length === 0) return;
    view.focus();
    void uploadImages(view, files, view.state.selection.main.head, onUploadError);
  }

  return (
    <>
      <button type="button" disabled={disabled || !view} tabIndex={tabStop ? 0 : -1}
        aria-label="Insert image" title="Insert image (upload)"
        // Keeps the focus (and the cursor) in the editor when clicked with a pointer.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => chooser.current?.click()} className={className}>
        <span aria-hidden="true">Img</span>
      </button>
      <input ref={chooser} type="file" accept={IMAGE_TYPES} multiple hidden aria-label="Images to insert"
        data-testid="insert-image-chooser" disabled={disabled || !view} onChange={chosen} />
    </>
  );
}
