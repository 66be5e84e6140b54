import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { mediaKeys, type MediaFilters } from '@/lib/media/media-keys';
import type { Media, MediaEvent, MediaPostRef } from '@/lib/media/types';
import type { Page } from '@/types/api';

type Lists = InfiniteData<Page<Media>>;
/** An image as an answer or an event has it: an event does not say which posts use the image. */
export type MediaChange = Omit<Media, 'usedBy'> & { usedBy?: MediaPostRef[] };

/** The newest version seen per image, and tombstones for deleted ones (bounded: the oldest entries go first). */
export class MediaLedger {
  private readonly held = new Map<string, number>();

  constructor(private readonly capacity = 10_000) {}

  /**
   * Whether the event is news: newer than any version seen for the image. Duplicates, replays and late
   * deliveries are not (a delete carries the last version plus one, so nothing older brings an image back).
   */
  accept(event: MediaEvent): boolean {
    const held = this.held.get(event.mediaId);
    if (held !== undefined && event.version <= held) return false;
    this.held.delete(event.mediaId);
    this.held.set(event.mediaId, event.version);
    if (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value!);
    return true;
  }
}

const belongs = (media: Pick<Media, 'uploadedBy'>, filters: MediaFilters) =>
  !filters.uploadedBy || media.uploadedBy.id === filters.uploadedBy;

function mapPages(data: Lists, change: (page: Page<Media>, index: number) => Page<Media>): Lists {
  const pages = data.pages.map(change);
  return pages.every((page, i) => page === data.pages[i]) ? data : { ...data, pages };
}

/** One image, new or changed, applied to one cached list (pure): patched in place if newer, else on top. */
export function putInList(data: Lists, filters: MediaFilters, media: MediaChange): Lists {
  const present = data.pages.some((page) => page.items.some((item) => item.id === media.id));
  if (present) {
    return mapPages(data, (page) => {
      const index = page.items.findIndex((item) => item.id === media.id);
      if (index < 0 || page.items[index].version >= media.version) return page;
      const items = page.items.map((item, i) => (i === index ? { ...item, ...media, usedBy: media.usedBy ?? item.usedBy } : item));
      return { ...page, items };
    });
  }
  if (!belongs(media, filters) || data.pages.length === 0) return data;
  // Newest first: an image the list has not seen is a new upload (no post uses it yet): on top of the first page.
  const added: Media = { ...media, usedBy: media.usedBy ?? [] };
  return mapPages(data, (page, index) => (index === 0
    ? { ...page, items: [added, ...page.items], totalItems: page.totalItems + 1 }
    : { ...page, totalItems: page.totalItems + 1 }));
}

/** An image taken out of one cached list (pure). */
export function removeFromList(data: Lists, mediaId: string): Lists {
  if (!data.pages.some((page) => page.items.some((item) => item.id === mediaId))) return data;
  return mapPages(data, (page) => ({
    ...page,
    items: page.items.filter((item) => item.id !== mediaId),
    totalItems: Math.max(0, page.totalItems - 1),
  }));
}

function eachList(queryClient: QueryClient, change: (data: Lists, filters: MediaFilters) => Lists) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: mediaKeys.lists() })) {
    const data = query.state.data as Lists | undefined;
    if (!data) continue;
    const next = change(data, (query.queryKey[2] ?? {}) as MediaFilters);
    if (next !== data) queryClient.setQueryData(query.queryKey, next);
  }
}

/** An image the server answered (upload, alt change) put into every cached list it belongs in. */
export function putInLists(queryClient: QueryClient, media: MediaChange): void {
  eachList(queryClient, (data, filters) => putInList(data, filters, media));
  const detail = queryClient.getQueryData<Media>(mediaKeys.detail(media.id));
  if (detail && detail.version < media.version) {
    queryClient.setQueryData(mediaKeys.detail(media.id), { ...detail, ...media, usedBy: media.usedBy ?? detail.usedBy });
  }
}

export function removeFromLists(queryClient: QueryClient, mediaId: string): void {
  eachList(queryClient, (data) => removeFromList(data, mediaId));
  queryClient.removeQueries({ queryKey: mediaKeys.detail(mediaId) });
}

/**
 * Applies a live media event to the query cache, with no request: a new image goes on top of every list it
 * belongs in, a change patches the image where it is shown (a newer version only; the event does not carry
 * `usedBy`, so the row keeps its own), a delete removes it. Returns false when the event was not news.
 */
export function applyMediaEvent(queryClient: QueryClient, ledger: MediaLedger, event: MediaEvent): boolean {
  if (!ledger.accept(event)) return false;
  if (event.type === 'media-deleted' || !event.media) removeFromLists(queryClient, event.mediaId);
  else putInLists(queryClient, { ...event.media, version: event.version });
  // A list being loaded right now may be answered from before this change, and the answer would overwrite the
  // patch: that load is cancelled and started again (rare: only while a page loads). A plain refetch would not do:
  // during a first load TanStack Query hands back the load already under way.
  for (const query of queryClient.getQueryCache().findAll({ queryKey: mediaKeys.lists(), fetchStatus: 'fetching' })) {
    const exact = { queryKey: query.queryKey, exact: true };
    void queryClient.cancelQueries(exact).then(() => queryClient.invalidateQueries({ ...exact, refetchType: 'all' }));
  }
  return true;
}

/** `resync`: the stream cannot fill the gap, so every cached list of the library is loaded again. */
export function resyncMedia(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: mediaKeys.all });
}
