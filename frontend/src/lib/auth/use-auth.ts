import { useSyncExternalStore } from 'react';
import { authStore, type AuthState } from './auth-store';
import type { Role } from '@/types/api';

export function useAuth(): AuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.getState);
}

/** The signed-in user; only for components rendered behind the authenticated layout. */
export function useUser() {
  const { user } = useAuth();
  if (!user) throw new Error('useUser outside the authenticated layout');
  return user;
}

export function hasRole(role: Role | undefined, ...allowed: Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}
