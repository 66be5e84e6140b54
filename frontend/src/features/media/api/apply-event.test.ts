import { InfiniteQueryObserver, QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { mediaKeys } from '@/lib/media/media-keys';
import type { Media } from '@/lib/media/types';
import { aMedia, aMediaEvent, aMediaPage, bob } from '@/testing/media-fixtures';
import type { Page } from '@/types/api';
import { applyMediaEvent, MediaLedger, putInList, removeFromList } from './apply-event';

type Lists = InfiniteData<Page<Media>>;
const lists = (...pages: Page<Media>[]): Lists => ({ pages, pageParams: pages.map((_, i) => i) });
const ids = (data: Lists | undefined) => data?.pages.flatMap((page) => page.items.map((item) => item.id));

function cacheWith(filters: { uploadedBy?: string }, data: Lists) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(mediaKeys.list(filters), data);
  return queryClient;
}

describe('media events applied to the cache', () => {
  it('puts a new upload on top of the first page and counts it', () => {
    const queryClient = cacheWith({}, lists(aMediaPage([aMedia('a')], { totalItems: 31, totalPages: 2 }), aMediaPage([aMedia('z')], { page: 1, totalItems: 31, totalPages: 2 })));
    expect(applyMediaEvent(queryClient, new MediaLedger(), aMediaEvent('media-created', aMedia('b', { uploadedBy: bob }), bob))).toBe(true);
    const data = queryClient.getQueryData<Lists>(mediaKeys.list({}));
    expect(ids(data)).toEqual(['b', 'a', 'z']);
    expect(data!.pages[0].items[0]).toMatchObject({ version: 1, usedBy: [], uploadedBy: bob });
    expect(data!.pages.map((page) => page.totalItems)).toEqual([32, 32]);
  });

  it('leaves someone else\'s upload out of a list of my uploads', () => {
    const queryClient = cacheWith({ uploadedBy: 'user-ana' }, lists(aMediaPage([aMedia('a')])));
    applyMediaEvent(queryClient, new MediaLedger(), aMediaEvent('media-created', aMedia('b', { uploadedBy: bob }), bob));
    expect(ids(queryClient.getQueryData<Lists>(mediaKeys.list({ uploadedBy: 'user-ana' })))).toEqual(['a']);
  });

  it('patches a changed alt text in place and keeps the posts that use the image', () => {
    const used = [{ id: 'p1', title: 'Hello' }];
    const queryClient = cacheWith({}, lists(aMediaPage([aMedia('a', { usedBy: used }), aMedia('b')])));
    applyMediaEvent(queryClient, new MediaLedger(), aMediaEvent('media-updated', aMedia('b', { alt: 'New words', version: 2 })));
    applyMediaEvent(queryClient, new MediaLedger(), aMediaEvent('media-updated', aMedia('a', { alt: 'Harbour', version: 2 })));
    const items = queryClient.getQueryData<Lists>(mediaKeys.list({}))!.pages[0].items;
    expect(items.map((item) => [item.id, item.alt, item.version])).toEqual([['a', 'Harbour', 2], ['b', 'New words', 2]]);
    expect(items[0].usedBy).toEqual(used);
  });

  it('ignores duplicates, older versions and anything after a delete', () => {
    const queryClient = cacheWith({}, lists(aMediaPage([aMedia('a', { alt: 'Three', version: 3 })])));
    const ledger = new MediaLedger();
    expect(applyMediaEvent(queryClient, ledger, aMediaEvent('media-updated', aMedia('a', { alt: 'Two', version: 2 })))).toBe(true);
    expect(queryClient.getQueryData<Lists>(mediaKeys.list({}))!.pages[0].items[0].alt).toBe('Three');
    expect(applyMediaEvent(queryClient, ledger, aMediaEvent('media-deleted', aMedia('a', { version: 4 })))).toBe(true);
    expect(ids(queryClient.getQueryData<Lists>(mediaKeys.list({})))).toEqual([]);
    expect(applyMediaEvent(queryClient, ledger, aMediaEvent('media-deleted', aMedia('a', { version: 4 })))).toBe(false);
    expect(applyMediaEvent(queryClient, ledger, aMediaEvent('media-updated', aMedia('a', { version: 3 })))).toBe(false);
    expect(applyMediaEvent(queryClient, ledger, aMediaEvent('media-created', aMedia('a', { version: 1 })))).toBe(false);
    expect(ids(queryClient.getQueryData<Lists>(mediaKeys.list({})))).toEqual([]);
  });

  it('removes a deleted image from every page and counts it out', () => {
    const data = lists(aMediaPage([aMedia('a')], { totalItems: 2, totalPages: 2, size: 1 }), aMediaPage([aMedia('b')], { page: 1, totalItems: 2, totalPages: 2, size: 1 }));
    const after = removeFromList(data, 'b');
    expect(ids(after)).toEqual(['a']);
    expect(after.pages.map((page) => page.totalItems)).toEqual([1, 1]);
    expect(removeFromList(after, 'unknown')).toBe(after);
  });

  it('does not add an image the list already shows (an own upload, then its event)', () => {
    const data = lists(aMediaPage([aMedia('a')]));
    expect(putInList(data, {}, aMedia('a'))).toBe(data);
  });

  it('loads a shown list again when the event arrives while it is being loaded (its answer may predate the change)', async () => {
    const queryClient = new QueryClient();
    // Each answer arrives when the test says so: the first one only after the event, as a slow list would.
    const answer: Array<(page: Page<Media>) => void> = [];
    const queryFn = vi.fn(() => new Promise<Page<Media>>((resolve) => { answer.push(resolve); }));
    const shown = new InfiniteQueryObserver(queryClient, { queryKey: mediaKeys.list({}), queryFn, initialPageParam: 0,
      getNextPageParam: () => undefined });
    const unsubscribe = shown.subscribe(() => {});
    await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(1));
    applyMediaEvent(queryClient, new MediaLedger(), aMediaEvent('media-created', aMedia('b')));
    answer[0](aMediaPage([]));
    await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(2));
    answer[1](aMediaPage([aMedia('b')]));
    await vi.waitFor(() => expect(ids(queryClient.getQueryData<Lists>(mediaKeys.list({})))).toEqual(['b']));
    expect(queryFn).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('changes nothing for a list not loaded yet', () => {
    const queryClient = new QueryClient();
    expect(applyMediaEvent(queryClient, new MediaLedger(), aMediaEvent('media-created', aMedia('a')))).toBe(true);
    expect(queryClient.getQueryData(mediaKeys.list({}))).toBeUndefined();
  });
});
