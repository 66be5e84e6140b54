import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from '@/lib/post-keys';
import type { PostView } from '@/types/api';

// `GET /api/posts/{id}`. Shared because the editor and the revision history both show the current post under
// the same key (live events invalidate it, see features/posts/api/apply-event.ts).

export function getPost(id: string, signal?: AbortSignal): Promise<PostView> {
  return api.get<PostView>(`/api/posts/${encodeURIComponent(id)}`, { signal });
}

export function getPostQueryOptions(id: string) {
  return queryOptions({ queryKey: postKeys.detail(id), queryFn: ({ signal }) => getPost(id, signal) });
}

export function usePost(id: string | undefined) {
  return useQuery({ ...getPostQueryOptions(id ?? ''), enabled: id !== undefined });
}
