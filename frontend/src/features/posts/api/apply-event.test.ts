import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { postKeys, type PostFilters } from '@/lib/post-keys';
import { aPage, aPost, anEvent, bob } from '@/testing/post-fixtures';
import type { Page, PostSummary } from '@/types/api';
import { applyEventToCache, applyEventToPage, PostLedger, resyncPosts } from './apply-event';

describe('live events applied to the post cache', () => {
  let queryClient: QueryClient;
  let ledger: PostLedger;
  const all: PostFilters = { page: 0, size: 20 };
  const list = (filters: PostFilters = all) => queryClient.getQueryData<Page<PostSummary>>(postKeys.list(filters))!;
  const titles = (filters?: PostFilters) => list(filters).items.map((p) => p.title);
  const apply = (...events: Readonly<Parameters<typeof anEvent>>[]) =>
    events.map(([type, post, actor]) => applyEventToCache(queryClient, ledger, anEvent(type, post, actor)));

  beforeEach(() => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    ledger = new PostLedger();
    queryClient.setQueryData(postKeys.list(all), aPage([aPost('a', 1, { title: 'A' }), aPost('b', 1, { title: 'B' })]));
  });

  it('inserts a new post at the top of the first page and counts it', () => {
    apply(['blog-created', aPost('c', 1, { title: 'C' })]);
    expect(titles()).toEqual(['C', 'A', 'B']);
    expect(list().totalItems).toBe(3);
  });

  it('updates a row in place and flips its status badge', () => {
    apply(['blog-published', aPost('b', 2, { title: 'B', status: 'PUBLISHED' })]);
    expect(list().items[1]).toMatchObject({ id: 'b', status: 'PUBLISHED', version: 2 });
    expect(titles()).toEqual(['A', 'B']);
  });

  it('ignores the media library events that share the stream', () => {
    const media = { ...anEvent('blog-created', aPost('m', 1, { title: 'M' })), type: 'media-created', postId: null };
    expect(applyEventToCache(queryClient, ledger, media as unknown as Parameters<typeof applyEventToCache>[2])).toBe(false);
    expect(titles()).toEqual(['A', 'B']);
  });

  it('ignores a duplicate event (same version delivered twice)', () => {
    const created = aPost('c', 1, { title: 'C' });
    expect(apply(['blog-created', created], ['blog-created', created])).toEqual([true, false]);
    expect(titles()).toEqual(['C', 'A', 'B']);
    expect(list().totalItems).toBe(3);
  });

  it('keeps the newest version when versions arrive out of order', () => {
    apply(['blog-updated', aPost('a', 3, { title: 'A v3' })], ['blog-updated', aPost('a', 2, { title: 'A v2' })]);
    expect(list().items[0]).toMatchObject({ title: 'A v3', version: 3 });
  });

  it('ignores an event older than what the list loaded over REST', () => {
    queryClient.setQueryData(postKeys.list(all), aPage([aPost('a', 5, { title: 'A v5' })]));
    apply(['blog-updated', aPost('a', 4, { title: 'A v4' })]);
    expect(titles()).toEqual(['A v5']);
  });

  it('removes a deleted post, and a late update never brings it back (the tombstone wins)', () => {
    apply(['blog-deleted', aPost('a', 3)]);
    expect(titles()).toEqual(['B']);
    expect(list().totalItems).toBe(1);
    apply(['blog-updated', aPost('a', 2, { title: 'A late' })], ['blog-created', aPost('a', 1, { title: 'A' })]);
    expect(titles()).toEqual(['B']);
    expect(ledger.isDeleted('a')).toBe(true);
  });

  it('applies a replay after resume without doubling anything: already applied events are skipped, missed ones land', () => {
    const seen = [['blog-created', aPost('c', 1, { title: 'C' })], ['blog-updated', aPost('c', 2, { title: 'C2' })]] as const;
    apply(...seen);
    // The socket dropped after these; the resume replays from an older position, overlapping what was applied.
    const applied = apply(...seen, ['blog-published', aPost('c', 3, { title: 'C2', status: 'PUBLISHED' })], ['blog-deleted', aPost('b', 2)]);
    expect(applied).toEqual([false, false, true, true]);
    expect(titles()).toEqual(['C2', 'A']);
    expect(list().items[0].status).toBe('PUBLISHED');
    expect(list().totalItems).toBe(2);
  });

  it('removes a row that no longer matches the filter, and adds one that now does', () => {
    const drafts: PostFilters = { status: 'DRAFT', page: 0, size: 20 };
    queryClient.setQueryData(postKeys.list(drafts), aPage([aPost('a', 1, { title: 'A' })]));
    const published: PostFilters = { status: 'PUBLISHED', page: 0, size: 20 };
    queryClient.setQueryData(postKeys.list(published), aPage([]));
    apply(['blog-published', aPost('a', 2, { title: 'A', status: 'PUBLISHED' })]);
    expect(titles(drafts)).toEqual([]);
    expect(titles(published)).toEqual(['A']);
  });

  it('does not patch a list it cannot judge (a search that may match the body): marks it stale instead', () => {
    const search: PostFilters = { q: 'kafka', page: 0, size: 20 };
    queryClient.setQueryData(postKeys.list(search), aPage([]));
    apply(['blog-created', aPost('c', 1, { title: 'Unrelated title' })]);
    expect(titles(search)).toEqual([]);
    expect(queryClient.getQueryState(postKeys.list(search))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(postKeys.list(all))?.isInvalidated).toBe(false);
  });

  it('keeps a page at its size: the post pushed off the first page moves to the next (marked stale)', () => {
    const page = aPage([aPost('a', 1), aPost('b', 1)], { size: 2, totalItems: 3, totalPages: 2 });
    const outcome = applyEventToPage(page, { size: 2 }, anEvent('blog-created', aPost('c', 1), bob));
    expect(outcome.page.items.map((p) => p.id)).toEqual(['c', 'a']);
    expect(outcome.page.totalItems).toBe(4);
    const second = applyEventToPage(aPage([aPost('z', 1)], { page: 1, size: 2, totalItems: 3, totalPages: 2 }), { size: 2 },
      anEvent('blog-created', aPost('c', 1), bob));
    expect(second).toMatchObject({ stale: true });
    expect(second.page.items.map((p) => p.id)).toEqual(['z']);
  });

  it('refreshes an open editor only when the event is newer than the post it holds', () => {
    queryClient.setQueryData(postKeys.detail('a'), { ...aPost('a', 2), body: 'text' });
    apply(['blog-updated', aPost('a', 2)]);
    expect(queryClient.getQueryState(postKeys.detail('a'))?.isInvalidated).toBe(false);
    apply(['blog-updated', aPost('a', 3)]);
    expect(queryClient.getQueryState(postKeys.detail('a'))?.isInvalidated).toBe(true);
  });

  it('on resync marks every post query for reload, and tombstones still hold afterwards', async () => {
    queryClient.setQueryData(postKeys.detail('b'), { ...aPost('b', 1), body: '' });
    apply(['blog-deleted', aPost('a', 2)]);
    await resyncPosts(queryClient);
    expect(queryClient.getQueryState(postKeys.list(all))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(postKeys.detail('b'))?.isInvalidated).toBe(true);
    // After the reload, a replayed old update of the deleted post still cannot resurrect it.
    queryClient.setQueryData(postKeys.list(all), aPage([aPost('b', 1, { title: 'B' })]));
    apply(['blog-updated', aPost('a', 1)]);
    expect(titles()).toEqual(['B']);
  });
});
