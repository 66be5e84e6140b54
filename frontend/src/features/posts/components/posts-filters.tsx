import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import type { PostFilters } from '@/lib/post-keys';
import type { Author } from '../api/get-authors';

const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

export const SORTS = [
  { value: '', label: 'Recently updated' },
  { value: 'updatedAt,asc', label: 'Least recently updated' },
  { value: 'createdAt,desc', label: 'Newest' },
  { value: 'publishedAt,desc', label: 'Recently published' },
  { value: 'title,asc', label: 'Title A–Z' },
];

interface Props {
  filters: PostFilters;
  onChange: (name: keyof PostFilters, value: string | undefined) => void;
  userId: string;
  authors?: Author[];
}

/** Search (debounced: one request per pause in typing), status, author, tag and sort. */
export function PostsFilters({ filters, onChange, userId, authors }: Props) {
  const [q, setQ] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  const debouncedQ = useDebouncedValue(q.trim());
  const debouncedTag = useDebouncedValue(tag.trim().toLowerCase());

  useEffect(() => {
    if (debouncedQ !== (filters.q ?? '')) onChange('q', debouncedQ || undefined);
  }, [debouncedQ]); // eslint-disable-line react-hooks/exhaustive-deps -- only typing triggers a search
  useEffect(() => {
    if (debouncedTag !== (filters.tag ?? '')) onChange('tag', debouncedTag || undefined);
  }, [debouncedTag]); // eslint-disable-line react-hooks/exhaustive-deps
  // The URL changed elsewhere (back button, a tag link, "clear filters"): show it (adjusting state while
  // rendering, React's pattern for state derived from props).
  const [shown, setShown] = useState({ q: filters.q, tag: filters.tag });
  if (shown.q !== filters.q || shown.tag !== filters.tag) {
    setShown({ q: filters.q, tag: filters.tag });
    if ((filters.q ?? '') !== q.trim()) setQ(filters.q ?? '');
    if ((filters.tag ?? '') !== tag.trim().toLowerCase()) setTag(filters.tag ?? '');
  }

  return (
    <form role="search" aria-label="Filter posts" onSubmit={(e) => e.preventDefault()}
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <div className="lg:col-span-2">
        <label htmlFor="posts-q" className="text-sm font-medium">Search</label>
        <input id="posts-q" type="search" className={field} placeholder="Title, excerpt or text"
          value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div>
        <label htmlFor="posts-status" className="text-sm font-medium">Status</label>
        <select id="posts-status" className={field} value={filters.status ?? ''}
          onChange={(e) => onChange('status', e.target.value || undefined)}>
          <option value="">Any status</option>
          <option value="DRAFT">Draft</option>
          <option value="SCHEDULED">Scheduled</option>
          <option value="PUBLISHED">Published</option>
        </select>
      </div>
      <div>
        <label htmlFor="posts-author" className="text-sm font-medium">Author</label>
        <select id="posts-author" className={field} value={filters.author ?? ''}
          onChange={(e) => onChange('author', e.target.value || undefined)}>
          <option value="">Anyone</option>
          <option value={userId}>Me</option>
          {authors?.filter((a) => a.id !== userId).map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)}
          {filters.author && filters.author !== userId && !authors?.some((a) => a.id === filters.author) && (
            <option value={filters.author}>Selected author</option>
          )}
        </select>
      </div>
      <div>
        <label htmlFor="posts-tag" className="text-sm font-medium">Tag</label>
        <input id="posts-tag" className={field} value={tag} onChange={(e) => setTag(e.target.value)} placeholder="any" />
      </div>
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor="posts-sort" className="text-sm font-medium">Sort</label>
        <select id="posts-sort" className={field} value={filters.sort ?? ''}
          onChange={(e) => onChange('sort', e.target.value || undefined)}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
    </form>
  );
}
