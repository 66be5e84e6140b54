import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { errorMessage, ProblemError, type FieldError } from '@/lib/problem-error';
import { useChangePassword } from '../api/change-password';

const EMPTY = { currentPassword: '', newPassword: '', repeated: '' };

function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ProblemError ? error.errors : [];
}

/**
 * Current password, new password twice. The server checks the policy (docs/rest-api.md "Password policy") and
 * answers a refusal under the field it concerns; a mismatch of the two new ones is caught here, without a request.
 */
export function ChangePasswordForm({ currentLabel = 'Current password' }: { currentLabel?: string }) {
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const fieldErrors = fieldErrorsOf(change.error);
  const fieldError = (name: string) =>
    fieldErrors.filter((e) => e.field === name).map((e) => e.message).join('; ') || undefined;
  const otherError = change.isError && fieldErrors.length === 0 ? errorMessage(change.error) : null;
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (values.newPassword !== values.repeated) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword }, {
      onSuccess: () => {
        setValues(EMPTY);
        setDone(true);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Change password"
      className="max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {otherError && <Alert>Could not change the password: {otherError}</Alert>}
      {done && <Alert tone="info">Your password was changed. Your other sessions have been signed out.</Alert>}
      <TextField id="current-password" label={currentLabel} type="password" autoComplete="current-password"
        value={values.currentPassword} onChange={set('currentPassword')} error={fieldError('currentPassword')} />
      <TextField id="new-password" label="New password" type="password" autoComplete="new-password"
        value={values.newPassword} onChange={set('newPassword')} error={fieldError('newPassword')}
        hint="12 characters or more; not a common password. A few unrelated words make a good one." />
      <TextField id="repeat-password" label="New password again" type="password" autoComplete="new-password"
        value={values.repeated} onChange={set('repeated')}
        error={mismatch ? 'The two new passwords are not the same.' : undefined} />
      <Button type="submit" disabled={change.isPending}>{change.isPending ? 'Changing…' : 'Change password'}</Button>
    </form>
  );
}
