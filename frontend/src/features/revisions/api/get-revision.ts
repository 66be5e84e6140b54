import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from '@/lib/post-keys';
import type { RevisionSummary } from './get-revisions';

/** `GET /api/posts/{id}/revisions/{revisionId}`: the content as that save left it. */
export interface RevisionView extends RevisionSummary {
  slug: string;
  excerpt: string | null;
  body: string | null;
  tags: string[];
}

export function getRevision(postId: string, revisionId: string, signal?: AbortSignal): Promise<RevisionView> {
  return api.get<RevisionView>(
    `/api/posts/${encodeURIComponent(postId)}/revisions/${encodeURIComponent(revisionId)}`, { signal });
}

export function getRevisionQueryOptions(postId: string, revisionId: string) {
  return queryOptions({
    queryKey: [...postKeys.revisions(postId), revisionId] as const,
    queryFn: ({ signal }) => getRevision(postId, revisionId, signal),
    // A revision never changes.
    staleTime: Infinity,
  });
}

export function useRevision(postId: string, revisionId: string) {
  return useQuery(getRevisionQueryOptions(postId, revisionId));
}
