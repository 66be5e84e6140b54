import { Button } from '@/components/ui/button';
import { authStore } from '@/lib/auth/auth-store';
import { ChangePasswordForm } from './change-password-form';

/** /account/password: any signed-in user changes their own password. */
export function ChangePasswordPage() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Change password</h1>
      <ChangePasswordForm />
    </section>
  );
}

/**
 * Shown instead of the whole app while the user must replace a one-time password an administrator set: the API
 * refuses everything else until then (403 password-change-required), and no socket is opened.
 */
export function RequiredPasswordChange() {
  return (
    <main className="mx-auto mt-16 max-w-md space-y-4 px-4">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      <p className="text-sm text-slate-700">
        An administrator reset your password. Enter the one-time password you were given, then choose your own.
      </p>
      <ChangePasswordForm currentLabel="One-time password" />
      <Button variant="ghost" onClick={() => void authStore.logout()}>Log out</Button>
    </main>
  );
}
