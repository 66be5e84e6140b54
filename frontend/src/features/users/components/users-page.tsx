import { PlaceholderPage } from '@/components/ui/placeholder-page';

/** Placeholder: user management (issue #4) replaces this feature folder. Serves /users (ADMIN only). */
export function UsersPage() {
  return <PlaceholderPage title="Users">User management is on its way.</PlaceholderPage>;
}
