import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from '@/lib/post-keys';
import type { PostView } from '@/types/api';

export type StatusAction = 'publish' | 'unpublish';

/** `POST /api/posts/{id}/publish|unpublish?version=n`. */
export function changeStatus(id: string, version: number, action: StatusAction): Promise<PostView> {
  return api.post<PostView>(`/api/posts/${encodeURIComponent(id)}/${action}`, undefined, { params: { version } });
}

/** `DELETE /api/posts/{id}?version=n` (the post and its revisions). */
export function deletePost(id: string, version: number): Promise<void> {
  return api.delete(`/api/posts/${encodeURIComponent(id)}`, { params: { version } });
}

export function useChangeStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: number; action: StatusAction }) =>
      changeStatus(id, version, action),
    onSuccess: (post) => {
      queryClient.setQueryData(postKeys.detail(post.id), post);
      void queryClient.invalidateQueries({ queryKey: postKeys.lists(), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: postKeys.revisions(post.id) });
    },
  });
}

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deletePost(id, version),
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: postKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: postKeys.lists() });
    },
  });
}
