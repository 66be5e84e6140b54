import type { QueryClient } from '@tanstack/react-query';
import { postKeys, type PostFilters } from '@/lib/post-keys';
import type { BlogEvent, Page, PostSummary } from '@/types/api';

/** The newest version seen per post, and tombstones for deleted posts (bounded: the oldest entries go first). */
export class PostLedger {
  private readonly held = new Map<string, { version: number; deleted: boolean }>();

  constructor(private readonly capacity = 10_000) {}

  /**
   * Whether the event is news: its version is newer than any seen for the post. Duplicates, replays and
   * out-of-order deliveries are not; neither is anything older than a delete (the tombstone), so a late
   * update can never bring a deleted post back. Remembers the event when it is news.
   */
  accept(event: BlogEvent): boolean {
    const held = this.held.get(event.postId);
    if (held && event.version <= held.version) return false;
    this.held.delete(event.postId);
    this.held.set(event.postId, { version: event.version, deleted: event.type === 'blog-deleted' });
    if (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value!);
    return true;
  }

  isDeleted(postId: string): boolean {
    return this.held.get(postId)?.deleted ?? false;
  }
}

/** Whether a post belongs in a list with these filters, as far as the event tells (`q` needs the body). */
export function matchesFilters(post: PostSummary, filters: PostFilters): boolean | 'unknown' {
  if (filters.status && post.status !== filters.status) return false;
  if (filters.author && post.author.id !== filters.author) return false;
  if (filters.tag && !post.tags.includes(filters.tag.trim().toLowerCase())) return false;
  if (filters.q) {
    const q = filters.q.toLowerCase();
    // The server also searches the body, which events do not carry: a miss here is not a certain miss.
    return post.title.toLowerCase().includes(q) || (post.excerpt ?? '').toLowerCase().includes(q) ? true : 'unknown';
  }
  return true;
}

/** The sort a change moves a post to the top of: every change bumps `updatedAt`; creation sets `createdAt`. */
function goesOnTop(filters: PostFilters, event: BlogEvent): boolean {
  const [field = 'updatedAt', direction = 'desc'] = (filters.sort ?? 'updatedAt').split(',');
  if (direction !== 'desc') return false;
  return field === 'updatedAt' || (field === 'createdAt' && event.type === 'blog-created');
}

export interface PageOutcome {
  page: Page<PostSummary>;
  /** The page may now differ from the server's in ways an event cannot tell: reload it when next shown. */
  stale: boolean;
}

/**
 * One event applied to one cached page of a list (pure). Rows are patched in place (not re-sorted, so rows do
 * not jump under the pointer); deleted rows and rows that no longer match the filters go; a post that newly
 * belongs at the top (page 1 of a newest-first list) is inserted there. Where the event cannot tell the exact
 * answer (a search that may match the body, another sort order, later pages whose rows shift by one) the page
 * is marked stale instead of being reloaded now: reloading every open list on every event would be a
 * refetch storm across all clients, and the open page is already right for the rows it shows.
 */
export function applyEventToPage(page: Page<PostSummary>, filters: PostFilters, event: BlogEvent): PageOutcome {
  const index = page.items.findIndex((item) => item.id === event.postId);
  const multiPage = page.totalPages > 1;
  if (index >= 0) {
    const row = page.items[index];
    if (event.version <= row.version) return { page, stale: false };
    const match = event.post ? matchesFilters(event.post, filters) : false;
    if (!event.post || match === false) {
      const items = page.items.filter((item) => item.id !== event.postId);
      return { page: withItems(page, items, page.totalItems - 1), stale: multiPage };
    }
    const items = page.items.map((item) => (item.id === event.postId ? { ...item, ...event.post } : item));
    return { page: { ...page, items }, stale: false };
  }
  if (!event.post) return { page, stale: multiPage };
  const match = matchesFilters(event.post, filters);
  if (match === false) return { page, stale: multiPage };
  if (match === 'unknown' || (page.page ?? 0) !== 0 || !goesOnTop(filters, event)) return { page, stale: true };
  const items = [event.post, ...page.items].slice(0, page.size);
  // A created post is one more in the list; any other may have been on a later page already.
  const created = event.type === 'blog-created';
  return { page: withItems(page, items, page.totalItems + (created ? 1 : 0)), stale: !created };
}

function withItems(page: Page<PostSummary>, items: PostSummary[], totalItems: number): Page<PostSummary> {
  const total = Math.max(totalItems, items.length);
  return { ...page, items, totalItems: total, totalPages: Math.max(1, Math.ceil(total / page.size)) };
}

/** The title a list row shows for a post (for a delete's toast, whose event carries no post). */
export function cachedTitle(queryClient: QueryClient, postId: string): string | undefined {
  for (const [, data] of queryClient.getQueriesData<Page<PostSummary>>({ queryKey: postKeys.lists() })) {
    const row = data?.items.find((item) => item.id === postId);
    if (row) return row.title;
  }
  return undefined;
}

/**
 * Applies a live event to the query cache: every cached list page is patched (no request), a cached detail
 * older than the event is invalidated (only a screen showing it refetches: the event has no body, and a
 * detail with a new version but an old body would let a save overwrite someone's text). Returns false when
 * the event was not news (duplicate, out of order, after a delete).
 */
export function applyEventToCache(queryClient: QueryClient, ledger: PostLedger, event: BlogEvent): boolean {
  // The stream also carries the media library's events (media-*, no postId): they are not about posts.
  if (!event.postId || !event.type.startsWith('blog-')) return false;
  if (!ledger.accept(event)) return false;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: postKeys.lists() })) {
    const data = query.state.data as Page<PostSummary> | undefined;
    if (!data) continue;
    const filters = (query.queryKey[2] ?? {}) as PostFilters;
    const outcome = applyEventToPage(data, filters, event);
    if (outcome.page !== data) queryClient.setQueryData(query.queryKey, outcome.page);
    if (outcome.stale) void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: 'none' });
  }
  if (event.type !== 'blog-deleted') {
    const detail = queryClient.getQueryData<{ version: number }>(postKeys.detail(event.postId));
    if (!detail || detail.version < event.version) {
      void queryClient.invalidateQueries({ queryKey: postKeys.detail(event.postId) });
    }
  }
  return true;
}

/** `resync`: the stream cannot fill the gap, so everything post-shaped is reloaded (tombstones stay valid). */
export function resyncPosts(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: postKeys.all });
}
