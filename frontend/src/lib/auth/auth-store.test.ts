import { describe, expect, it, vi } from 'vitest';
import { AuthStore } from './auth-store';

const tokens = {
  accessToken: 'access',
  expiresIn: 900,
  user: { id: 'u1', email: 'ana@example.test', displayName: 'Ana', role: 'EDITOR' },
};

describe('AuthStore', () => {
  const headersOf = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, url: string) =>
    fetchMock.mock.calls.find(([called]) => called === url)?.[1]?.headers;

  it('sends the same-origin header with the refresh cookie, which the API requires', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(Response.json(tokens));
    const store = new AuthStore(fetchMock);

    await expect(store.refresh()).resolves.toBe(true);

    expect(headersOf(fetchMock, '/api/auth/refresh')).toEqual({ 'X-Requested-With': 'blog-admin' });
    expect(fetchMock.mock.calls[0][1]?.credentials).toBe('same-origin');
    store.end(null);
  });

  it('sends it on logout too, and ends the local session', async () => {
    const fetchMock = vi.fn<typeof fetch>()
      .mockResolvedValueOnce(Response.json(tokens))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    const store = new AuthStore(fetchMock);
    await store.login('ana@example.test', 'secret');

    await store.logout();

    expect(headersOf(fetchMock, '/api/auth/logout')).toEqual({ 'X-Requested-With': 'blog-admin' });
    expect(store.getState().status).toBe('signed-out');
  });
});
