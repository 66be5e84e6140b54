import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from '@/lib/post-keys';
import type { PersonRef } from '@/types/api';

interface RevisionRow {
  version: number;
  editor: PersonRef;
}

/** `GET /api/posts/{id}/revisions` (same key as the history page): who saved a given version. */
export function useVersionEditor(postId: string | undefined, version: number | undefined): PersonRef | undefined {
  const { data } = useQuery({
    queryKey: postKeys.revisions(postId ?? ''),
    queryFn: ({ signal }) => api.get<RevisionRow[]>(`/api/posts/${encodeURIComponent(postId ?? '')}/revisions`, { signal }),
    enabled: postId !== undefined && version !== undefined,
    staleTime: 0,
  });
  return data?.find((row) => row.version === version)?.editor;
}
