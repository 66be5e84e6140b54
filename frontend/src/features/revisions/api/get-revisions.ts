import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from '@/lib/post-keys';
import type { PersonRef, PostStatus } from '@/types/api';

/** One row of `GET /api/posts/{id}/revisions` (newest first). */
export interface RevisionSummary {
  id: string;
  version: number;
  action: string;
  changedFields: string[];
  editor: PersonRef;
  createdAt: string;
  title: string;
  status: PostStatus;
}

export function getRevisions(postId: string, signal?: AbortSignal): Promise<RevisionSummary[]> {
  return api.get<RevisionSummary[]>(`/api/posts/${encodeURIComponent(postId)}/revisions`, { signal });
}

export function getRevisionsQueryOptions(postId: string) {
  return queryOptions({
    queryKey: postKeys.revisions(postId),
    queryFn: ({ signal }) => getRevisions(postId, signal),
    staleTime: 0,
  });
}

export function useRevisions(postId: string) {
  return useQuery(getRevisionsQueryOptions(postId));
}
