import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { authStore } from '@/lib/auth/auth-store';
import { createQueryClient } from '@/lib/query-client';

/** App-wide providers. The page-load refresh turns the refresh cookie back into a session after a reload. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    if (authStore.getState().status === 'unknown') void authStore.refresh();
    // Whatever the next user sees must not come from the previous user's cache.
    return authStore.subscribe((state) => {
      if (state.status === 'signed-out') queryClient.clear();
    });
  }, [queryClient]);

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
