import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Role } from '@/types/api';
import type { StaffUser } from './types';
import { userKeys } from './user-keys';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
}

export function createUser(user: NewUser): Promise<StaffUser> {
  return api.post<StaffUser>('/api/users', user);
}

/** Creates an account and adds it to the cached list (the answer is the whole account: no refetch needed). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: (created) => {
      queryClient.setQueryData<StaffUser[]>(userKeys.list(), (users) =>
        users ? [...users.filter((u) => u.id !== created.id), created] : users);
    },
  });
}
