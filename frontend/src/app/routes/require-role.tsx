import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { useUser } from '@/lib/auth/use-auth';
import type { Role } from '@/types/api';

/** Hides a page from roles that may not use it (the API refuses them anyway). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useUser();
  return roles.includes(user.role) ? children : <Alert>You do not have access to this page.</Alert>;
}
