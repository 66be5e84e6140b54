import { Link } from 'react-router';
import type { PersonRef, PostSummary } from '@/types/api';
import { useIsHighlighted } from '../stores/highlight-store';
import { StatusBadge } from './status-badge';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function editingLabel(editors: readonly PersonRef[]): string {
  const names = editors.map((e) => e.name);
  if (names.length === 1) return `${names[0]} is editing`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are editing`;
}

/**
 * One post: a table row from `sm` up, a card on phones (the same cells, stacked by CSS). Highlighted briefly
 * when someone else changed it.
 */
export function PostRow({ post, editors, onTag }: { post: PostSummary; editors: readonly PersonRef[]; onTag: (tag: string) => void }) {
  const highlighted = useIsHighlighted(post.id);
  return (
    <tr data-testid="post-row" data-post-id={post.id} data-highlight={highlighted ? 'true' : undefined}
      className="block border-b border-slate-200 px-3 py-3 sm:table-row sm:px-0">
      <td className="block sm:table-cell sm:px-3 sm:py-3">
        <Link to={`/posts/${post.id}`} className="font-medium text-indigo-700 hover:underline" data-testid="post-title">
          {post.title}
        </Link>
        {post.excerpt && <p className="mt-0.5 line-clamp-1 text-sm text-slate-600">{post.excerpt}</p>}
        {editors.length > 0 && (
          <p data-testid="presence" className="mt-1 inline-flex items-center gap-1 text-xs font-medium text-amber-800">
            <span className="h-2 w-2 rounded-full bg-amber-500" aria-hidden />
            {editingLabel(editors)}
          </p>
        )}
      </td>
      <td className="inline-block pr-3 pt-2 sm:table-cell sm:px-3 sm:py-3"><StatusBadge status={post.status} /></td>
      <td className="inline-block pr-3 pt-2 text-sm sm:table-cell sm:px-3 sm:py-3" data-testid="post-author">{post.author.name}</td>
      <td className="inline-block pt-2 sm:table-cell sm:px-3 sm:py-3">
        <ul className="flex flex-wrap gap-1" aria-label="Tags">
          {post.tags.map((tag) => (
            <li key={tag}>
              <button type="button" onClick={() => onTag(tag)} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200">
                {tag}
              </button>
            </li>
          ))}
        </ul>
      </td>
      <td className="block pt-1 text-xs text-slate-500 sm:table-cell sm:px-3 sm:py-3 sm:text-sm">
        <time dateTime={post.updatedAt}>{dateFormat.format(new Date(post.updatedAt))}</time>
      </td>
    </tr>
  );
}
