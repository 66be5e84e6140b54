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
}

export function createPost(request: PostRequest): Promise<PostView> {
  return api.post<PostView>('/api/posts', request);
}

/** Replaces the content, naming the version the edit started from (a stale one answers 409 + `currentPost`). */
export function updatePost(id: string, version: number, request: PostRequest): Promise<PostView> {
  return api.put<PostView>(`/api/posts/${encodeURIComponent(id)}`, { ...request, version });
}

export type SaveInput = { id?: string; version?: number; request: PostRequest };

/** Create or update; the answer becomes the cached detail and lists reload when next shown. */
export function useSavePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, request }: SaveInput) =>
      id === undefined ? createPost(request) : updatePost(id, version ?? 0, request),
    onSuccess: (post) => {
      queryClient.setQueryData(postKeys.detail(post.id), post);
      void queryClient.invalidateQueries({ queryKey: postKeys.lists(), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: postKeys.revisions(post.id) });
    },
  });
}
