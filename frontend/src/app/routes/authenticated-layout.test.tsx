import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { AuthenticatedLayout } from './authenticated-layout';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const patient = { timeout: 10_000 };

describe('AuthenticatedLayout for a user who must change a one-time password', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const sockets = vi.fn();

  beforeEach(async () => {
    fetchMock.mockReset();
    sockets.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('WebSocket', sockets);
    fetchMock.mockResolvedValueOnce(json(200, { accessToken: 't', expiresIn: 900, user: { id: 'bo', email: 'bo@example.test',
      displayName: 'Bo', role: 'EDITOR', passwordChangeRequired: true } }));
    await authStore.login('bo@example.test', 'one-time-password');
    fetchMock.mockReset();
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  const renderAt = (path: string) => render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={createMemoryRouter([
        { element: <AuthenticatedLayout />, children: [{ path: '/posts', element: <h1>Posts</h1> }] },
      ], { initialEntries: [path] })} />
    </QueryClientProvider>,
  );

  it('shows only the password change, opens no socket, and lets the app in once it is done', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    renderAt('/posts');

    expect(await screen.findByRole('heading', { name: 'Choose a new password' }, patient)).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Posts' })).toBeNull();
    expect(sockets).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('One-time password'), 'one-time-password');
    await userEvent.type(screen.getByLabelText('New password'), 'my own new password');
    await userEvent.type(screen.getByLabelText('New password again'), 'my own new password');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));

    await vi.waitFor(() => expect(authStore.getState().user?.passwordChangeRequired).toBe(false));
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/users/me/password');
    expect(await screen.findByRole('heading', { name: 'Posts' })).toBeVisible();
  });
});
