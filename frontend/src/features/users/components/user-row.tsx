import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/problem-error';
import type { Role } from '@/types/api';
import { useUpdateUser } from '../api/update-user';
import { ROLES, roleLabel, type StaffUser } from '../api/types';
import { ResetPasswordButton } from './reset-password-button';

/**
 * One account: its role can be changed, its password reset, and it can be disabled or enabled, except the admin's
 * own account (the server refuses those with 409, so the controls are not offered).
 */
export function UserRow({ user, self }: { user: StaffUser; self: boolean }) {
  const update = useUpdateUser(user.id);
  return (
    <tr data-testid="user-row" data-user-id={user.id} className="block border-b border-slate-200 px-3 py-3 sm:table-row sm:px-0">
      <td className="block sm:table-cell sm:px-3 sm:py-3">
        <span className="font-medium">{user.displayName}</span>{self && <span className="text-slate-500"> (you)</span>}
        <span className="block text-sm text-slate-600">{user.email}</span>
        {update.isError && <p role="alert" className="mt-1 text-sm text-red-700">{errorMessage(update.error)}</p>}
      </td>
      <td className="inline-block pr-3 pt-2 sm:table-cell sm:px-3 sm:py-3">
        {self ? (
          <span className="text-sm">{roleLabel(user.role)}</span>
        ) : (
          <select aria-label={`Role of ${user.displayName}`} value={user.role} disabled={update.isPending}
            onChange={(e) => update.mutate({ role: e.target.value as Role })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            {ROLES.map((role) => <option key={role} value={role}>{roleLabel(role)}</option>)}
          </select>
        )}
      </td>
      <td className="inline-block pr-3 pt-2 sm:table-cell sm:px-3 sm:py-3">
        <span data-testid="user-state" data-enabled={user.enabled}
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${user.enabled
            ? 'bg-emerald-50 text-emerald-800 ring-emerald-300' : 'bg-slate-100 text-slate-600 ring-slate-300'}`}>
          {user.enabled ? 'Active' : 'Disabled'}
        </span>
        {user.passwordChangeRequired && (
          <span data-testid="password-change-required" className="ml-1 text-xs text-amber-800">
            must change password
          </span>
        )}
      </td>
      <td className="inline-block pt-2 sm:table-cell sm:px-3 sm:py-3 sm:text-right">
        {!self && (
          <div className="flex flex-wrap gap-2 sm:justify-end">
            <ResetPasswordButton user={user} />
            <Button variant={user.enabled ? 'secondary' : 'primary'} disabled={update.isPending}
              aria-label={`${user.enabled ? 'Disable' : 'Enable'} ${user.displayName}`}
              onClick={() => update.mutate({ enabled: !user.enabled })}>
              {user.enabled ? 'Disable' : 'Enable'}
            </Button>
          </div>
        )}
      </td>
    </tr>
  );
}
