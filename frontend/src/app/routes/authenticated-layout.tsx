import { Navigate, Outlet, useLocation } from 'react-router';
import { AppShell } from '@/components/layout/app-shell';
import { ConnectionIndicator } from '@/components/layout/connection-indicator';
import { Spinner } from '@/components/ui/spinner';
import { Toaster } from '@/components/ui/toaster';
import { RequiredPasswordChange } from '@/features/auth/components/change-password-page';
import { LiveMediaSync } from '@/features/media/components/live-media-sync';
import { LivePostsSync } from '@/features/posts/components/live-posts-sync';
import { useAuth } from '@/lib/auth/use-auth';
import { RealtimeProvider } from '@/lib/realtime/realtime-provider';

/**
 * Every staff page: requires a session, and holds the app-wide pieces: the one WebSocket, the events-to-cache
 * syncs (posts, media), the shell with its connection indicator, and the toasts. A user who must replace a one-time password sees
 * only the form for that.
 */
export function AuthenticatedLayout() {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'unknown') return <Spinner label="Restoring your session…" />;
  if (status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (user?.passwordChangeRequired) return <RequiredPasswordChange />;
  return (
    <RealtimeProvider>
      <LivePostsSync />
      <LiveMediaSync />
      <AppShell indicator={<ConnectionIndicator />}>
        <Outlet />
      </AppShell>
      <Toaster />
    </RealtimeProvider>
  );
}
