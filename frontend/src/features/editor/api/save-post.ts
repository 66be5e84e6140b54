import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from '@/lib/post-keys';
import type { PostView } from '@/types/api';

/** The body of `POST /api/posts` and `PUT /api/posts/{id}` (docs/rest-api.md). */
export interface PostRequest {
  title: string;
  slug?: string;
  excerpt: string | null;
  body: string;
  tags: string[];
  /** The cover; `{mediaId: null}` removes it (leaving it out would keep the post's). */
  featureImage?: { mediaId: string | null; alt?: string };
}

export function createPost(request: PostRequest): Promise<PostView> {
  return api.post<PostView>('/api/posts', request);
}

/** Below the browsers' 64 KiB cap on keepalive bodies (a larger one would fail at once rather than be sent). */
const KEEPALIVE_LIMIT = 60_000;

/**
 * Replaces the content, naming the version the edit started from in `If-Match` (a stale one answers 409 +
 * `currentPost`). `autosave` tells the server the save was not asked for, so it groups such revisions
 * (docs/rest-api.md "Autosave and revisions").
 */
export function updatePost(id: string, version: number, request: PostRequest, autosave = false, keepalive = false): Promise<PostView> {
  const body = { ...request, version, autosave };
  return api.put<PostView>(`/api/posts/${encodeURIComponent(id)}`, body, {
    headers: { 'If-Match': `"${version}"` },
    keepalive: keepalive && JSON.stringify(body).length < KEEPALIVE_LIMIT,
  });
}

export type SaveInput = { id?: string; version?: number; request: PostRequest; autosave?: boolean; keepalive?: boolean };

/** Create or update; the answer becomes the cached detail and lists reload when next shown. */
export function useSavePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, request, autosave, keepalive }: SaveInput) =>
      id === undefined ? createPost(request) : updatePost(id, version ?? 0, request, autosave, keepalive),
    onSuccess: (post) => {
      queryClient.setQueryData(postKeys.detail(post.id), post);
      void queryClient.invalidateQueries({ queryKey: postKeys.lists(), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: postKeys.revisions(post.id) });
    },
  });
}
