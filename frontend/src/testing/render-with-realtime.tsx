import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/query-client';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PresenceStore } from '@/lib/realtime/presence-store';
import { RealtimeClient } from '@/lib/realtime/realtime-client';
import { RealtimeProvider } from '@/lib/realtime/realtime-provider';
import { FakeSocket } from './fake-socket';

/** Renders UI inside the app's providers, with the WebSocket played by the test. */
export function renderWithRealtime(ui: ReactNode, { route = '/posts', queryClient = createQueryClient() } = {}) {
  const sockets: FakeSocket[] = [];
  const client = new RealtimeClient({
    url: 'ws://test/ws',
    auth: { getAccessToken: () => 'token', refresh: async () => true, end: () => {}, onToken: () => () => {} },
    random: () => 0,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  const presence = new PresenceStore();
  client.subscribe((frame) => presence.apply(frame));
  // A data router, as in the app (app/router.tsx), so hooks that need one (useBlocker) work; `ui` may hold its own <Routes>.
  const router = createMemoryRouter(
    [{ path: '*', element: <RealtimeProvider value={{ client, presence }}>{ui}</RealtimeProvider> }],
    { initialEntries: [route] },
  );
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, sockets, latest: () => sockets[sockets.length - 1], client, queryClient };
}
