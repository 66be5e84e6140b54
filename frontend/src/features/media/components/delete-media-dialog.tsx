import { Link } from 'react-router';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useUser } from '@/lib/auth/use-auth';
import type { Media, MediaPostRef } from '@/lib/media/types';
import { errorMessage, ProblemError } from '@/lib/problem-error';
import { useDeleteMedia } from '../api/delete-media';

/**
 * Asks before deleting an image and lists the posts that use it. The server refuses (409 `media-in-use`, with
 * the posts using it now) while any post uses the image; ADMIN and EDITOR are then offered to delete it anyway
 * (`?force=true`: those posts lose the image), everyone else to remove it from the posts first.
 */
export function DeleteMediaDialog({ media, onClose }: { media: Media; onClose: () => void }) {
  const user = useUser();
  const remove = useDeleteMedia(media.id);
  const inUse = remove.error instanceof ProblemError && remove.error.is('media-in-use') ? remove.error : undefined;
  const usedBy = inUse?.extra<MediaPostRef[]>('usedBy') ?? media.usedBy;
  const mayForce = user.role === 'ADMIN' || user.role === 'EDITOR';
  const force = usedBy.length > 0 && mayForce;
  const blocked = usedBy.length > 0 && !mayForce;

  const confirm = () => remove.mutate(force, { onSuccess: onClose });

  return (
    <ConfirmDialog title="Delete this image?" busy={remove.isPending || blocked}
      confirmLabel={force ? 'Delete anyway' : 'Delete'} onConfirm={confirm} onCancel={onClose}>
      {usedBy.length > 0 ? (
        <div className="space-y-2">
          <p>{inUse ? 'The image is still in use: ' : ''}Used by {usedBy.length === 1 ? 'this post' : `these ${usedBy.length} posts`}:</p>
          <ul aria-label="Used by" className="list-disc pl-5">
            {usedBy.map((post) => <li key={post.id}><Link to={`/posts/${post.id}`} className="text-indigo-700 underline">{post.title || 'Untitled'}</Link></li>)}
          </ul>
          <p>{mayForce
            ? 'Deleting it anyway leaves those posts without the image.'
            : 'Remove it from those posts first; only an admin or editor can delete an image in use.'}</p>
        </div>
      ) : (
        <p>No post uses it. The image and all its sizes are deleted for good.</p>
      )}
      {remove.error && !inUse && <p role="alert" className="mt-2 text-red-700">{errorMessage(remove.error)}</p>}
    </ConfirmDialog>
  );
}
