import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { removeFromLists } from './apply-event';

/**
 * `DELETE /api/media/{id}`: 409 `/problems/media-in-use` (with `usedBy`) while a post uses the image, unless
 * `force` (ADMIN and EDITOR only).
 */
export function deleteMedia(id: string, force = false): Promise<void> {
  return api.delete(`/api/media/${id}`, { params: { force: force || undefined } });
}

/** Deletes an image and takes it out of the cached lists at once (its `media-deleted` event then changes nothing). */
export function useDeleteMedia(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) => deleteMedia(id, force),
    onSuccess: () => removeFromLists(queryClient, id),
  });
}
