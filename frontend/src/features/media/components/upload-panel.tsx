import { useEffect, useId, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { isActive, useUploads } from '../api/upload-media';
import { UploadRow } from './upload-row';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp';

/**
 * Upload by button or by dropping files anywhere on the page, several at once; each file gets its own progress bar
 * and its own outcome. The server decides what is an image (by its bytes), so nothing is filtered here.
 */
export function UploadPanel() {
  const { entries, start, cancel, dismissFinished } = useUploads();
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const finished = entries.some((entry) => !isActive(entry.status));

  // The whole page takes the drop: a file let go beside the panel would otherwise make the browser leave the app
  // to show it.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(false);
      if (event.dataTransfer.files.length > 0) start(Array.from(event.dataTransfer.files));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [start]);

  return (
    <div className="space-y-3">
      <div data-testid="drop-zone" className={`rounded-lg border-2 border-dashed p-6 text-center ${dragging ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white'}`}>
        <p className="text-sm text-slate-700">Drop images anywhere on this page, or</p>
        <label className={`${buttonClass('primary')} mt-2 cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600`}>
          Choose images…
          <input type="file" multiple accept={ACCEPT} className="sr-only" aria-describedby={hintId}
            onChange={(event) => {
              if (event.target.files) start(Array.from(event.target.files));
              event.target.value = '';
            }} />
        </label>
        <p id={hintId} className="mt-2 text-xs text-slate-600">
          JPEG, PNG, GIF (first frame) or WebP; up to 10 MB and 40 megapixels unless the server is set otherwise.
          Metadata such as location is removed.
        </p>
      </div>
      {entries.length > 0 && (
        <div className="space-y-2">
          <ul aria-label="Uploads" className="space-y-2">
            {entries.map((entry) => <UploadRow key={entry.key} entry={entry} onCancel={() => cancel(entry.key)} />)}
          </ul>
          {finished && <Button variant="ghost" onClick={dismissFinished}>Clear finished uploads</Button>}
        </div>
      )}
    </div>
  );
}
