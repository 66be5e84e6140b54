import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { mediaKeys, type MediaFilters } from '@/lib/media/media-keys';
import type { Media } from '@/lib/media/types';
import type { Page } from '@/types/api';

export const MEDIA_PAGE_SIZE = 30;

/** `GET /api/media`: one page of the library, newest first, optionally one uploader's. */
export function getMedia(filters: MediaFilters, page: number, signal?: AbortSignal): Promise<Page<Media>> {
  return api.get<Page<Media>>('/api/media', { params: { ...filters, page, size: MEDIA_PAGE_SIZE }, signal });
}

/** The library as an endless list: "Load more" fetches the next page. */
export function getMediaQueryOptions(filters: MediaFilters) {
  return infiniteQueryOptions({
    queryKey: mediaKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getMedia(filters, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last: Page<Media>) => (last.page + 1 < last.totalPages ? last.page + 1 : undefined),
  });
}

/**
 * The images of every loaded page, each once: an upload shifts the server's pages by one, so the next page can
 * repeat an image already shown.
 */
export function flattenMedia(data: InfiniteData<Page<Media>> | undefined): Media[] {
  const seen = new Set<string>();
  return (data?.pages ?? []).flatMap((page) => page.items).filter((media) => {
    if (seen.has(media.id)) return false;
    seen.add(media.id);
    return true;
  });
}

export function useMediaList(filters: MediaFilters) {
  return useInfiniteQuery(getMediaQueryOptions(filters));
}
