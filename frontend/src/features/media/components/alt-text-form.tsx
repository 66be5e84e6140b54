import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { Media } from '@/lib/media/types';
import { errorMessage, ProblemError } from '@/lib/problem-error';
import { useUpdateMediaAlt } from '../api/update-media-alt';

const MAX_ALT = 500;

/** Edits an image's alt text in place; empty marks the image decorative. */
export function AltTextForm({ media, onDone }: { media: Media; onDone: () => void }) {
  const [alt, setAlt] = useState(media.alt ?? '');
  const update = useUpdateMediaAlt(media.id);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(alt.trim(), { onSuccess: onDone });
  };

  const error = update.error instanceof ProblemError && update.error.errors.length > 0
    ? update.error.errors.map((e) => e.message).join('; ')
    : update.error ? errorMessage(update.error) : undefined;

  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor={id} className="block text-xs font-medium">Alt text</label>
      <textarea id={id} value={alt} onChange={(e) => setAlt(e.target.value)} maxLength={MAX_ALT} rows={3}
        aria-invalid={!!error} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className="block w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:outline-2 focus:outline-indigo-500" />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        What the image shows, for readers who cannot see it ({alt.length}/{MAX_ALT}). Leave empty if it is decorative.
      </p>
      {error && <p id={`${id}-error`} role="alert" className="text-sm text-red-700">{error}</p>}
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending}>{update.isPending ? 'Saving…' : 'Save'}</Button>
        <Button variant="secondary" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
