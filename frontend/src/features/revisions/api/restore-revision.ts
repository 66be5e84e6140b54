import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from '@/lib/post-keys';
import type { PostView } from '@/types/api';

/** `POST /api/posts/{id}/revisions/{revisionId}/restore?version=n`: the old content as a new save. */
export function restoreRevision(postId: string, revisionId: string, version: number): Promise<PostView> {
  return api.post<PostView>(
    `/api/posts/${encodeURIComponent(postId)}/revisions/${encodeURIComponent(revisionId)}/restore`, undefined,
    { params: { version } });
}

export function useRestoreRevision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, revisionId, version }: { postId: string; revisionId: string; version: number }) =>
      restoreRevision(postId, revisionId, version),
    onSuccess: (post) => {
      queryClient.setQueryData(postKeys.detail(post.id), post);
      void queryClient.invalidateQueries({ queryKey: postKeys.revisions(post.id) });
      void queryClient.invalidateQueries({ queryKey: postKeys.lists(), refetchType: 'none' });
    },
  });
}
