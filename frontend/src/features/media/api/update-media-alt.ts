import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Media } from '@/lib/media/types';
import { putInLists } from './apply-event';

/** `PATCH /api/media/{id}`: the new alt text (≤ 500 characters; empty marks the image decorative). */
export function updateMediaAlt(id: string, alt: string): Promise<Media> {
  return api.patch<Media>(`/api/media/${id}`, { alt });
}

/** Changes an image's alt text and puts the server's answer into the cached lists (a newer version only). */
export function useUpdateMediaAlt(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alt: string) => updateMediaAlt(id, alt),
    onSuccess: (media) => putInLists(queryClient, media),
  });
}
