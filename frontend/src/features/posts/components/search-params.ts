import type { PostFilters } from '@/lib/post-keys';
import type { PostStatus } from '@/types/api';

export const PAGE_SIZE = 20;
const STATUSES: PostStatus[] = ['DRAFT', 'SCHEDULED', 'PUBLISHED'];

/** The list's filters live in the URL (shareable, survive reload, back button works). */
export function filtersFromSearch(search: URLSearchParams): PostFilters {
  const status = search.get('status') as PostStatus | null;
  const page = Number(search.get('page') ?? '1');
  const filters: PostFilters = {
    q: search.get('q') || undefined,
    status: status && STATUSES.includes(status) ? status : undefined,
    author: search.get('author') || undefined,
    tag: search.get('tag') || undefined,
    sort: search.get('sort') || undefined,
    // The URL counts pages from 1, the API from 0.
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    size: PAGE_SIZE,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as PostFilters;
}

/** A copy of the search with one parameter changed (empty removes it); any filter change goes back to page 1. */
export function withParam(search: URLSearchParams, name: string, value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value) next.set(name, value);
  else next.delete(name);
  if (name !== 'page') next.delete('page');
  return next;
}
