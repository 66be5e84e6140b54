import { dismissToast, useToasts } from '@/lib/toast-store';

/** The toast region: a polite live region, so screen readers hear "Ana published 'Hello'" too. */
export function Toaster() {
  const toasts = useToasts();
  return (
    <div role="status" aria-live="polite" data-testid="toasts"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 sm:items-end">
      {toasts.map((toast) => (
        <div key={toast.id} data-testid="toast"
          className="pointer-events-auto flex max-w-sm items-start gap-3 rounded-md bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
          <span className="flex-1">{toast.message}</span>
          <button type="button" onClick={() => dismissToast(toast.id)} aria-label="Dismiss notification"
            className="text-slate-300 hover:text-white">×</button>
        </div>
      ))}
    </div>
  );
}
