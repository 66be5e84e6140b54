import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authStore } from '@/lib/auth/auth-store';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** `POST /api/users/me/password`: 204; the server ends the user's other sessions, this one goes on. */
export function changePassword(change: PasswordChange): Promise<void> {
  return api.post<void>('/api/users/me/password', change);
}

export function useChangePassword() {
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => authStore.passwordChanged(),
  });
}
