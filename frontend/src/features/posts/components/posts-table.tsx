import type { PresenceSnapshot } from '@/lib/realtime/presence-store';
import type { PostSummary } from '@/types/api';
import { PostRow } from './post-row';

const NOBODY: never[] = [];

export function PostsTable({ posts, presence, userId, onTag }: {
  posts: PostSummary[];
  presence: PresenceSnapshot;
  userId: string;
  onTag: (tag: string) => void;
}) {
  return (
    <table className="block w-full rounded-lg border border-slate-200 bg-white sm:table">
      <caption className="sr-only">Posts</caption>
      <thead className="hidden border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 sm:table-header-group">
        <tr>
          <th scope="col" className="px-3 py-2">Title</th>
          <th scope="col" className="px-3 py-2">Status</th>
          <th scope="col" className="px-3 py-2">Author</th>
          <th scope="col" className="px-3 py-2">Tags</th>
          <th scope="col" className="px-3 py-2">Updated</th>
        </tr>
      </thead>
      <tbody className="block sm:table-row-group">
        {posts.map((post) => (
          <PostRow key={post.id} post={post} onTag={onTag}
            editors={presence.get(post.id)?.filter((e) => e.id !== userId) ?? NOBODY} />
        ))}
      </tbody>
    </table>
  );
}
