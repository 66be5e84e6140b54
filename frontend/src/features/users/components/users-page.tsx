import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useUser } from '@/lib/auth/use-auth';
import { errorMessage } from '@/lib/problem-error';
import { useUsers } from '../api/get-users';
import { CreateUserForm } from './create-user-form';
import { UserRow } from './user-row';

/** /users (ADMIN only, by the route and the API): the staff accounts, a form to add one. */
export function UsersPage() {
  const me = useUser();
  const users = useUsers();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Users</h1>
      {users.isPending ? (
        <Spinner label="Loading users…" />
      ) : users.isError ? (
        <Alert>
          Could not load the users: {errorMessage(users.error)}{' '}
          <Button variant="secondary" onClick={() => void users.refetch()}>Try again</Button>
        </Alert>
      ) : (
        <table className="block w-full rounded-lg border border-slate-200 bg-white sm:table">
          <caption className="sr-only">Staff accounts</caption>
          <thead className="hidden border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 sm:table-header-group">
            <tr>
              <th scope="col" className="px-3 py-2">User</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {users.data.map((user) => <UserRow key={user.id} user={user} self={user.id === me.id} />)}
          </tbody>
        </table>
      )}
      <CreateUserForm />
    </section>
  );
}
