import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The staff list for the author filter; only ADMINs may read it (`GET /api/users`). */
export interface Author {
  id: string;
  displayName: string;
}

export function getAuthors(signal?: AbortSignal): Promise<Author[]> {
  return api.get<Author[]>('/api/users', { signal });
}

export const authorKeys = { all: ['post-authors'] as const };

export function getAuthorsQueryOptions() {
  return queryOptions({ queryKey: authorKeys.all, queryFn: ({ signal }) => getAuthors(signal), staleTime: 5 * 60_000 });
}

export function useAuthors(enabled: boolean) {
  return useQuery({ ...getAuthorsQueryOptions(), enabled });
}
