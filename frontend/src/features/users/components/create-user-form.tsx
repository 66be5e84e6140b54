import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { errorMessage, ProblemError, type FieldError } from '@/lib/problem-error';
import type { Role } from '@/types/api';
import { useCreateUser } from '../api/create-user';
import { ROLES, roleLabel } from '../api/types';
import { TextField } from '@/components/ui/text-field';

const EMPTY = { email: '', displayName: '', password: '', role: 'AUTHOR' as Role };

/** Field-level messages from a problem: validation errors by field, a taken email next to the email field. */
function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ProblemError)) return [];
  if (error.is('email-taken')) return [{ field: 'email', message: error.detail ?? 'This email is already in use.' }];
  return error.errors;
}

export function CreateUserForm() {
  const create = useCreateUser();
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const fieldErrors = fieldErrorsOf(create.error);
  const fieldError = (name: string) =>
    fieldErrors.filter((e) => e.field === name).map((e) => e.message).join('; ') || undefined;
  const otherError = create.isError && fieldErrors.length === 0 ? errorMessage(create.error) : null;

  const set = (name: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    create.mutate(values, {
      onSuccess: (user) => {
        setValues(EMPTY);
        setCreated(`Created ${user.displayName} (${roleLabel(user.role)}).`);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-user-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-user-heading" className="text-lg font-semibold">Add a user</h2>
      {otherError && <Alert>Could not create the user: {otherError}</Alert>}
      {created && <Alert tone="info">{created}</Alert>}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField id="new-user-email" label="Email" type="email" autoComplete="off" value={values.email}
          onChange={set('email')} error={fieldError('email')} />
        <TextField id="new-user-name" label="Display name" value={values.displayName}
          onChange={set('displayName')} error={fieldError('displayName')} />
        <TextField id="new-user-password" label="Password" type="password" autoComplete="new-password"
          value={values.password} onChange={set('password')} error={fieldError('password')}
          hint="12 characters or more; not a common password." />
        <div>
          <label htmlFor="new-user-role" className="block text-sm font-medium">Role</label>
          <select id="new-user-role" value={values.role} onChange={(e) => set('role')(e.target.value)}
            aria-invalid={!!fieldError('role')} aria-describedby={fieldError('role') ? 'new-user-role-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {ROLES.map((role) => <option key={role} value={role}>{roleLabel(role)}</option>)}
          </select>
          {fieldError('role') && <p id="new-user-role-error" className="mt-1 text-sm text-red-700">{fieldError('role')}</p>}
        </div>
      </div>
      <Button type="submit" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create user'}</Button>
    </form>
  );
}
