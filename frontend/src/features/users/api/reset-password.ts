import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { StaffUser } from './types';
import { userKeys } from './user-keys';

/** `POST /api/users/{id}/password-reset` (ADMIN): the one-time password, shown once, and the account after. */
export interface PasswordReset {
  temporaryPassword: string;
  user: StaffUser;
}

export function resetPassword(id: string): Promise<PasswordReset> {
  return api.post<PasswordReset>(`/api/users/${id}/password-reset`);
}

/** Resets one account's password and puts the account the server answered into its row. */
export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<StaffUser[]>(userKeys.list(), (users) =>
        users?.map((u) => (u.id === user.id && u.version <= user.version ? user : u)));
    },
  });
}
