import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { uploadMedia } from '@/lib/media/upload-media';
import { errorMessage } from '@/lib/problem-error';

/**
 * Images pasted or dropped into the body, or chosen with the toolbar's "Insert image"
 * (components/insert-image-button.tsx), are uploaded to the media library (`POST /api/media`, lib/media) and
 * become `![alt](url)`. While one uploads, a placeholder with its progress stands at its place; it is a widget,
 * not text, so the body (and what autosave sends) never holds half-made Markdown, and a failed upload leaves
 * nothing behind but a message. Several files at once each get their own placeholder, in order.
 */
interface Upload {
  id: string;
  label: string;
  fraction: number;
}

const started = StateEffect.define<{ upload: Upload; pos: number }>();
const progressed = StateEffect.define<{ id: string; fraction: number }>();
const ended = StateEffect.define<string>();

class UploadWidget extends WidgetType {
  constructor(readonly upload: Upload) {
    super();
  }

  eq(other: UploadWidget) {
    return other.upload.id === this.upload.id && other.upload.fraction === this.upload.fraction;
  }

  toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-image-upload';
    span.setAttribute('role', 'status');
    span.dataset.testid = 'image-upload';
    span.textContent = `Uploading ${this.upload.label}… ${Math.round(this.upload.fraction * 100)}%`;
    return span;
  }
}

const widget = (upload: Upload) => Decoration.widget({ widget: new UploadWidget(upload), side: 1, upload });

const uploads = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(set, tr) {
    let next = set.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(started)) {
        next = next.update({ add: [widget(effect.value.upload).range(effect.value.pos)], sort: true });
      } else if (effect.is(progressed)) {
        const { id, fraction } = effect.value;
        const at = positionOf(next, id);
        if (at !== null) {
          const upload = { ...(uploadAt(next, id) as Upload), fraction };
          next = next.update({ filter: (_f, _t, deco) => deco.spec.upload?.id !== id, add: [widget(upload).range(at)] });
        }
      } else if (effect.is(ended)) {
        next = next.update({ filter: (_f, _t, deco) => deco.spec.upload?.id !== effect.value });
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function positionOf(set: DecorationSet, id: string): number | null {
  let found: number | null = null;
  set.between(0, Number.MAX_SAFE_INTEGER, (from, _to, deco) => {
    if (deco.spec.upload?.id === id) found = from;
  });
  return found;
}

function uploadAt(set: DecorationSet, id: string): Upload | null {
  let found: Upload | null = null;
  set.between(0, Number.MAX_SAFE_INTEGER, (_from, _to, deco) => {
    if (deco.spec.upload?.id === id) found = deco.spec.upload as Upload;
  });
  return found;
}

/** The alt text an image starts with: its file name without the extension (the writer improves it). */
export function altFromName(name: string): string {
  const bare = name.replace(/\.[^.]+$/, '').replace(/[[\]\\]/g, ' ').replace(/[-_]+/g, ' ').trim();
  return bare || 'image';
}

let counter = 0;

/**
 * Uploads `files` and inserts each as `![alt](url)` at `pos` (mapped through any typing meanwhile), on its own
 * line. Every file shows its placeholder at once; the files are sent one after another (in order, and without
 * competing for the server's image-processing slots). A failure removes its placeholder and reports
 * `"<name> was not uploaded: <reason>"`.
 */
export async function uploadImages(view: EditorView, files: File[], pos: number, onError: (message: string) => void): Promise<void> {
  const queued = files.map((file) => {
    counter += 1;
    return { file, upload: { id: `upload-${counter}`, label: file.name || 'image', fraction: 0 } };
  });
  view.dispatch({ effects: queued.map(({ upload }) => started.of({ upload, pos })) });
  for (const { file, upload } of queued) {
    try {
      const media = await uploadMedia(file, {
        onProgress: ({ fraction }) => view.dispatch({ effects: progressed.of({ id: upload.id, fraction }) }),
      });
      const at = positionOf(view.state.field(uploads), upload.id) ?? view.state.selection.main.head;
      const line = view.state.doc.lineAt(at);
      const before = at > line.from ? '\n' : '';
      const after = at < line.to ? '\n' : '';
      const markdown = `${before}![${altFromName(file.name)}](${media.url})\n${after}`;
      view.dispatch({ changes: { from: at, insert: markdown }, effects: ended.of(upload.id), userEvent: 'input.paste' });
    } catch (caught) {
      view.dispatch({ effects: ended.of(upload.id) });
      onError(`${upload.label} was not uploaded: ${errorMessage(caught)}`);
    }
  }
}

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith('image/'));
}

/** The editor extension: paste and drop of image files upload them; other pastes and drops are CodeMirror's. */
export function imageUploads(onError: (message: string) => void): Extension {
  return [
    uploads,
    EditorView.domEventHandlers({
      paste(event, view) {
        const files = imageFiles(event.clipboardData?.files);
        if (files.length === 0 || view.state.readOnly) return false;
        event.preventDefault();
        void uploadImages(view, files, view.state.selection.main.head, onError);
        return true;
      },
      drop(event, view) {
        const files = imageFiles(event.dataTransfer?.files);
        if (files.length === 0 || view.state.readOnly) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
        void uploadImages(view, files, pos, onError);
        return true;
      },
    }),
    EditorView.baseTheme({
      '.cm-image-upload': {
        display: 'inline-block', padding: '0 0.4em', margin: '0 0.2em', borderRadius: '0.25rem',
        backgroundColor: '#eef2ff', color: '#3730a3', fontSize: '0.85em',
      },
    }),
  ];
}
