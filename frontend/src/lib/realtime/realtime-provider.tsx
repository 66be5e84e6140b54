import { createContext, useEffect, useState, type ReactNode } from 'react';
import { authStore } from '@/lib/auth/auth-store';
import { PresenceStore } from './presence-store';
import { RealtimeClient } from './realtime-client';

export interface Realtime {
  client: RealtimeClient;
  presence: PresenceStore;
}

export const RealtimeContext = createContext<Realtime | null>(null);

export function socketUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

function createRealtime(): Realtime {
  const client = new RealtimeClient({
    url: socketUrl(),
    auth: {
      getAccessToken: () => authStore.getAccessToken(),
      refresh: () => authStore.refresh(),
      end: () => authStore.end(),
      onToken: (listener) => authStore.onToken(listener),
    },
  });
  const presence = new PresenceStore();
  client.subscribe((frame) => presence.apply(frame));
  return { client, presence };
}

/**
 * Opens the app's one WebSocket for as long as a staff user is signed in (mounted by the authenticated
 * layout); every feature listens to it through the hooks of this folder rather than opening its own.
 */
export function RealtimeProvider({ children, value }: { children: ReactNode; value?: Realtime }) {
  const [realtime] = useState(() => value ?? createRealtime());
  useEffect(() => {
    realtime.client.start();
    return () => {
      realtime.client.stop();
      realtime.presence.clear();
    };
  }, [realtime]);
  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}
