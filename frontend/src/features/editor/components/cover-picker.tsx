import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/api-client';
import { mediaKeys } from '@/lib/media/media-keys';
import { thumbnailOf, type Media } from '@/lib/media/types';
import { uploadMedia } from '@/lib/media/upload-media';
import { errorMessage } from '@/lib/problem-error';
import type { Page } from '@/types/api';

interface Props {
  coverId: string;
  coverAlt: string;
  error?: string;
  readOnly: boolean;
  onChange: (name: 'coverId' | 'coverAlt', value: string) => void;
}

/** Not under mediaKeys.lists(): those are the Media page's infinite lists, which live events patch in place. */
const PICKER_KEY = [...mediaKeys.all, 'picker'] as const;

/**
 * The post's cover image: upload a new one or choose one of the library's newest, and its alt text. A cover without
 * alt text is only warned about (a draft may lack it; readers of a published post need it).
 */
export function CoverPicker({ coverId, coverAlt, error, readOnly, onChange }: Props) {
  const id = useId();
  const [choosing, setChoosing] = useState(false);
  const [upload, setUpload] = useState<{ fraction: number; error?: string } | null>(null);
  const library = useQuery({
    queryKey: PICKER_KEY,
    queryFn: ({ signal }) => api.get<Page<Media>>('/api/media', { params: { size: 30 }, signal }),
    enabled: choosing || coverId !== '',
    staleTime: 10_000,
  });
  const cover = library.data?.items.find((item) => item.id === coverId);
  const choose = (media: Media) => {
    onChange('coverId', media.id);
    if (!coverAlt && media.alt) onChange('coverAlt', media.alt);
    setChoosing(false);
  };
  const uploadFile = (file: File | undefined) => {
    if (!file) return;
    setUpload({ fraction: 0 });
    uploadMedia(file, { onProgress: (p) => setUpload({ fraction: p.fraction }) })
      .then((media) => { setUpload(null); choose(media); })
      .catch((caught: unknown) => setUpload({ fraction: 0, error: errorMessage(caught) }));
  };

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-300 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">Cover image</legend>
      {coverId && (
        <div className="flex items-start gap-3">
          {cover && <img src={thumbnailOf(cover).url} alt="" width={160} className="rounded" />}
          <div className="flex-1 space-y-1">
            <label htmlFor={`${id}-alt`} className="block text-sm">Cover alt text</label>
            <input id={`${id}-alt`} value={coverAlt} readOnly={readOnly} maxLength={500}
              onChange={(event) => onChange('coverAlt', event.target.value)}
              className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
            {!coverAlt && <p className="text-xs text-amber-700">Add alt text before publishing.</p>}
          </div>
        </div>
      )}
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      {!readOnly && (
        <div className="flex flex-wrap items-center gap-2">
          <label className="cursor-pointer text-sm font-medium text-indigo-700">
            Upload a cover
            <input type="file" accept="image/jpeg,image/png,image/gif,image/webp" className="sr-only"
              onChange={(event) => { uploadFile(event.target.files?.[0]); event.target.value = ''; }} />
          </label>
          <Button variant="secondary" onClick={() => setChoosing(!choosing)}>Choose from library</Button>
          {coverId && <Button variant="ghost" onClick={() => onChange('coverId', '')}>Remove cover</Button>}
          {upload && !upload.error && <progress aria-label="Cover upload" max={1} value={upload.fraction} />}
          {upload?.error && <span role="alert" className="text-xs text-red-700">{upload.error}</span>}
        </div>
      )}
      {choosing && (
        <ul aria-label="Library" className="grid grid-cols-4 gap-2">
          {library.data?.items.map((media) => (
            <li key={media.id}>
              <button type="button" onClick={() => choose(media)} className="block w-full rounded border">
                <img src={thumbnailOf(media).url} alt={media.alt ? `Use ${media.alt}` : 'Use this image'}
                  className="aspect-video w-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
