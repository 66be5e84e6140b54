import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useUser } from '@/lib/auth/use-auth';
import type { PostFilters } from '@/lib/post-keys';
import { errorMessage } from '@/lib/problem-error';
import { usePresence } from '@/lib/realtime/use-realtime';
import { useAuthors } from '../api/get-authors';
import { usePosts } from '../api/get-posts';
import { Pagination } from './pagination';
import { PostsFilters } from './posts-filters';
import { PostsTable } from './posts-table';
import { filtersFromSearch, withParam } from './search-params';

/** /posts: the live list (every staff role may create posts, so "New post" is always there). */
export function PostsPage() {
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const posts = usePosts(filters);
  const authors = useAuthors(user.role === 'ADMIN');
  const presence = usePresence();

  const change = (name: keyof PostFilters, value: string | undefined) =>
    setSearch((current) => withParam(current, name, value));
  const goToPage = (page: number) => setSearch((current) => withParam(current, 'page', page > 0 ? String(page + 1) : undefined));
  const filtered = Boolean(filters.q || filters.status || filters.author || filters.tag);

  return (
    <section className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Posts</h1>
        <Link to="/posts/new" className={buttonClass('primary')}>New post</Link>
      </div>
      <PostsFilters filters={filters} onChange={change} userId={user.id} authors={authors.data} />
      {posts.isPending ? (
        <Spinner label="Loading posts…" />
      ) : posts.isError ? (
        <Alert>
          Could not load the posts: {errorMessage(posts.error)}{' '}
          <Button variant="secondary" onClick={() => void posts.refetch()}>Try again</Button>
        </Alert>
      ) : posts.data.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {filtered ? (
            <p>No posts match these filters. <Button variant="ghost" onClick={() => setSearch(new URLSearchParams())}>Clear filters</Button></p>
          ) : (
            <p>No posts yet. <Link to="/posts/new" className="text-indigo-700 underline">Write the first one</Link>.</p>
          )}
        </div>
      ) : (
        <div className={posts.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined} aria-busy={posts.isFetching}>
          <PostsTable posts={posts.data.items} presence={presence} userId={user.id} onTag={(tag) => change('tag', tag)} />
        </div>
      )}
      {posts.data && posts.data.items.length > 0 && (
        <Pagination page={posts.data.page} totalPages={posts.data.totalPages} totalItems={posts.data.totalItems} onPage={goToPage} />
      )}
    </section>
  );
}
