import type { PostStatus } from '@/types/api';

/** The list parameters of `GET /api/posts` (docs/rest-api.md), as kept in the URL. */
export interface PostFilters {
  q?: string;
  status?: PostStatus;
  author?: string;
  tag?: string;
  /** `field` or `field,asc|desc`; the API's default is `updatedAt,desc`. */
  sort?: string;
  page?: number;
  size?: number;
}

/**
 * Query keys of everything post-shaped. Shared (not in a feature) because the list, the editor and the live
 * updates must agree on them: an event patches `lists()` and refreshes `detail(id)`.
 */
export const postKeys = {
  all: ['posts'] as const,
  lists: () => [...postKeys.all, 'list'] as const,
  list: (filters: PostFilters) => [...postKeys.lists(), filters] as const,
  details: () => [...postKeys.all, 'detail'] as const,
  detail: (id: string) => [...postKeys.details(), id] as const,
  revisions: (id: string) => [...postKeys.detail(id), 'revisions'] as const,
};
