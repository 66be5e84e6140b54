import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { authStore } from '@/lib/auth/auth-store';
import { useAuth } from '@/lib/auth/use-auth';
import { errorMessage, ProblemError, type FieldError } from '@/lib/problem-error';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500';

export function LoginPage() {
  const { status, notice } = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState(false);

  if (status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/posts'} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors([]);
    try {
      await authStore.login(email, password);
    } catch (caught) {
      if (caught instanceof ProblemError && caught.errors.length > 0) setFieldErrors(caught.errors);
      else setError(caught instanceof ProblemError ? (caught.detail ?? caught.title) : errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  const fieldError = (name: string) => fieldErrors.find((e) => e.field === name)?.message;

  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 text-2xl font-semibold">Sign in to Realtime Blog</h1>
      <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
        {notice && !error && <Alert tone="info">{notice}</Alert>}
        {error && <Alert>{error}</Alert>}
        <div>
          <label htmlFor="login-email" className="block text-sm font-medium">Email</label>
          <input id="login-email" name="email" type="email" autoComplete="username" required className={inputClass}
            value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!fieldError('email')}
            aria-describedby={fieldError('email') ? 'login-email-error' : undefined} autoFocus />
          {fieldError('email') && <p id="login-email-error" className="mt-1 text-sm text-red-700">{fieldError('email')}</p>}
        </div>
        <div>
          <label htmlFor="login-password" className="block text-sm font-medium">Password</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" required
            className={inputClass} value={password} onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!fieldError('password')}
            aria-describedby={fieldError('password') ? 'login-password-error' : undefined} />
          {fieldError('password') && (
            <p id="login-password-error" className="mt-1 text-sm text-red-700">{fieldError('password')}</p>
          )}
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </main>
  );
}
