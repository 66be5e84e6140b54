import { Navigate, Outlet, useLocation } from 'react-router';
import { AppShell } from '@/components/layout/app-shell';
import { ConnectionIndicator } from '@/components/layout/connection-indicator';
import { Spinner } from '@/components/ui/spinner';
import { Toaster } from '@/components/ui/toaster';
import { LivePostsSync } from '@/features/posts/components/live-posts-sync';
import { useAuth } from '@/lib/auth/use-auth';
import { RealtimeProvider } from '@/lib/realtime/realtime-provider';

/**
 * Every staff page: requires a session, and holds the app-wide pieces: the one WebSocket, the events-to-cache
 * sync, the shell with its connection indicator, and the toasts.
 */
export function AuthenticatedLayout() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'unknown') return <Spinner label="Restoring your session…" />;
  if (status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <RealtimeProvider>
      <LivePostsSync />
      <AppShell indicator={<ConnectionIndicator />}>
        <Outlet />
      </AppShell>
      <Toaster />
    </RealtimeProvider>
  );
}
