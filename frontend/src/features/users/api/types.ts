import type { Role } from '@/types/api';

/** A staff account as `GET /api/users` answers it (docs/rest-api.md "Users"); never holds the password. */
export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  enabled: boolean;
  /** An administrator reset the password and the user has not chosen a new one yet. */
  passwordChangeRequired?: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const ROLES: Role[] = ['ADMIN', 'EDITOR', 'AUTHOR', 'CONTRIBUTOR'];

export const roleLabel = (role: Role) => role.charAt(0) + role.slice(1).toLowerCase();
