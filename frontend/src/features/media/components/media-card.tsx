import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useUser } from '@/lib/auth/use-auth';
import { thumbnailOf, type Media } from '@/lib/media/types';
import { formatBytes } from '../api/upload-media';
import { AltTextForm } from './alt-text-form';
import { DeleteMediaDialog } from './delete-media-dialog';

/** The uploader, ADMIN and EDITOR may change an image's alt text or delete it (docs/rest-api.md "Media"). */
export function canManage(user: { id: string; role: string }, media: Media): boolean {
  return user.role === 'ADMIN' || user.role === 'EDITOR' || media.uploadedBy.id === user.id;
}

/** One image of the library: its narrowest rendition, who uploaded it, its alt text, and what may be done with it. */
export function MediaCard({ media }: { media: Media }) {
  const user = useUser();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const thumb = thumbnailOf(media);
  const manage = canManage(user, media);
  return (
    <li data-testid="media-card" data-media-id={media.id} className="flex flex-col overflow-hidden rounded-lg border border-slate-200 bg-white">
      <a href={media.url} target="_blank" rel="noreferrer" className="block bg-slate-100"
        aria-label={`Full size, ${media.width} × ${media.height}${media.alt ? `: ${media.alt}` : ''}`}>
        <img src={thumb.url} width={thumb.width} height={thumb.height} loading="lazy" alt={media.alt ?? ''}
          className="aspect-[4/3] h-auto w-full object-contain" />
      </a>
      <div className="flex flex-1 flex-col gap-2 p-3 text-sm">
        {editing ? (
          <AltTextForm media={media} onDone={() => setEditing(false)} />
        ) : (
          <p data-testid="media-alt" className={media.alt ? 'text-slate-900' : 'italic text-slate-500'}>
            {media.alt || 'No alt text'}
          </p>
        )}
        <p className="text-xs text-slate-600">
          {media.width} × {media.height} · {formatBytes(media.bytes)} · {media.uploadedBy.name}
        </p>
        {media.usedBy.length > 0 && (
          <p className="text-xs text-slate-600">Used by {media.usedBy.length} {media.usedBy.length === 1 ? 'post' : 'posts'}</p>
        )}
        {manage && !editing && (
          <div className="mt-auto flex gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit alt text of ${describe(media)}`}>Edit alt</Button>
            <Button variant="ghost" onClick={() => setDeleting(true)} aria-label={`Delete ${describe(media)}`}>Delete</Button>
          </div>
        )}
      </div>
      {deleting && <DeleteMediaDialog media={media} onClose={() => setDeleting(false)} />}
    </li>
  );
}

function describe(media: Media): string {
  return media.alt ? `'${media.alt}'` : `image ${media.url.split('/').pop()}`;
}
