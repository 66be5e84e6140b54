import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useUser } from '@/lib/auth/use-auth';
import { errorMessage } from '@/lib/problem-error';
import { flattenMedia, useMediaList } from '../api/get-media';
import { MediaCard } from './media-card';
import { UploadPanel } from './upload-panel';

/**
 * /media: the library, newest first, live (LiveMediaSync keeps the cached lists right), with uploads on top.
 * "Only mine" is kept in the URL (`?mine=1`) so a reload or a shared link shows the same list.
 */
export function MediaPage() {
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const mine = search.get('mine') === '1';
  const list = useMediaList(mine ? { uploadedBy: user.id } : {});
  const items = flattenMedia(list.data);
  const total = list.data?.pages[0]?.totalItems ?? 0;

  const toggleMine = (checked: boolean) => setSearch((current) => {
    const next = new URLSearchParams(current);
    if (checked) next.set('mine', '1');
    else next.delete('mine');
    return next;
  });

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Media</h1>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={mine} onChange={(e) => toggleMine(e.target.checked)} />
          Only my uploads
        </label>
      </div>
      <UploadPanel />
      {list.isPending ? (
        <Spinner label="Loading images…" />
      ) : list.isError ? (
        <Alert>
          Could not load the images: {errorMessage(list.error)}{' '}
          <Button variant="secondary" onClick={() => void list.refetch()}>Try again</Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {mine ? 'You have not uploaded any images yet.' : 'No images yet. Upload the first one above.'}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{total} {total === 1 ? 'image' : 'images'}</p>
          <ul aria-label="Images" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {items.map((media) => <MediaCard key={media.id} media={media} />)}
          </ul>
          {list.hasNextPage && (
            <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
