import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/problem-error';
import { useResetPassword } from '../api/reset-password';
import type { StaffUser } from '../api/types';

/**
 * "Reset password" for someone else's account: after a confirmation the server sets a one-time password, ends
 * every session of the user and answers the password once; it is shown here until the admin dismisses it.
 */
export function ResetPasswordButton({ user }: { user: StaffUser }) {
  const reset = useResetPassword(user.id);
  const [asking, setAsking] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);

  function confirm() {
    reset.mutate(undefined, {
      onSuccess: (answer) => {
        setAsking(false);
        setTemporary(answer.temporaryPassword);
      },
      onError: () => setAsking(false),
    });
  }

  return (
    <>
      <Button variant="secondary" disabled={reset.isPending} aria-label={`Reset password of ${user.displayName}`}
        onClick={() => setAsking(true)}>
        Reset password
      </Button>
      {asking && (
        <ConfirmDialog title={`Reset the password of ${user.displayName}?`} confirmLabel="Reset password"
          busy={reset.isPending} onConfirm={confirm} onCancel={() => setAsking(false)}>
          Their current password stops working and every session of theirs ends. You get a one-time password to
          hand them; they must choose a new one when they log in.
        </ConfirmDialog>
      )}
      {reset.isError && <p role="alert" className="mt-1 text-sm text-red-700">{errorMessage(reset.error)}</p>}
      {temporary && (
        <div className="mt-2 text-left">
          <Alert tone="warning">
            One-time password for {user.displayName}:{' '}
            <code data-testid="temporary-password" className="select-all font-mono">{temporary}</code>. It is
            shown only now; they must change it at their next login.{' '}
            <Button variant="ghost" onClick={() => setTemporary(null)}>Done</Button>
          </Alert>
        </div>
      )}
    </>
  );
}
