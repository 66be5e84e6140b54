import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Role } from '@/types/api';
import type { StaffUser } from './types';
import { userKeys } from './user-keys';

export interface UserChanges {
  displayName?: string;
  role?: Role;
  enabled?: boolean;
}

export function updateUser(id: string, changes: UserChanges): Promise<StaffUser> {
  return api.patch<StaffUser>(`/api/users/${id}`, changes);
}

/** PATCHes one account and puts the server's answer into its row (a newer version only). */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UserChanges) => updateUser(id, changes),
    onSuccess: (updated) => {
      queryClient.setQueryData<StaffUser[]>(userKeys.list(), (users) =>
        users?.map((u) => (u.id === updated.id && u.version <= updated.version ? updated : u)));
    },
  });
}
