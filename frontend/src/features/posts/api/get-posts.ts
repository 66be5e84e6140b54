import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys, type PostFilters } from '@/lib/post-keys';
import type { Page, PostSummary } from '@/types/api';

export function getPosts(filters: PostFilters, signal?: AbortSignal): Promise<Page<PostSummary>> {
  return api.get<Page<PostSummary>>('/api/posts', { params: { ...filters }, signal });
}

export function getPostsQueryOptions(filters: PostFilters) {
  return queryOptions({
    queryKey: postKeys.list(filters),
    queryFn: ({ signal }) => getPosts(filters, signal),
    // Live events keep a loaded page current; paging keeps the old page on screen until the next arrives.
    placeholderData: keepPreviousData,
  });
}

export function usePosts(filters: PostFilters) {
  return useQuery(getPostsQueryOptions(filters));
}
