/** The list parameters of `GET /api/media` the admin uses: all images, or one uploader's. */
export interface MediaFilters {
  uploadedBy?: string;
}

/**
 * Query keys of the media library. Shared (not in a feature) because the Media page, the editor's image
 * picker and the live updates must agree on them: an event patches every cached `lists()` entry.
 */
export const mediaKeys = {
  all: ['media'] as const,
  lists: () => [...mediaKeys.all, 'list'] as const,
  list: (filters: MediaFilters) => [...mediaKeys.lists(), filters] as const,
  details: () => [...mediaKeys.all, 'detail'] as const,
  detail: (id: string) => [...mediaKeys.details(), id] as const,
};
