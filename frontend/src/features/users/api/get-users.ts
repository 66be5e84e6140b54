import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { StaffUser } from './types';
import { userKeys } from './user-keys';

export function getUsers(signal?: AbortSignal): Promise<StaffUser[]> {
  return api.get<StaffUser[]>('/api/users', { signal });
}

export function getUsersQueryOptions() {
  return queryOptions({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => getUsers(signal),
    select: (users: StaffUser[]) => [...users].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions());
}
