import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from './api-client';
import { authStore, SESSION_ENDED } from './auth/auth-store';
import { errorMessage, ProblemError } from './problem-error';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const tokens = (accessToken: string) => ({
  accessToken,
  expiresIn: 900,
  user: { id: 'u1', email: 'ana@example.test', displayName: 'Ana', role: 'EDITOR' },
});

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(async () => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValueOnce(json(200, tokens('first')));
    await authStore.login('ana@example.test', 'secret');
    fetchMock.mockReset();
  });

  afterEach(() => {
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  it('sends the access token and returns the parsed body', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [] }));
    await expect(apiRequest('/api/posts', { params: { q: 'hi', tag: '' } })).resolves.toEqual({ items: [] });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/posts?q=hi');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer first');
  });

  it('turns a problem body into a ProblemError that keeps extra members such as currentPost', async () => {
    fetchMock.mockResolvedValueOnce(json(409, {
      type: '/problems/stale-version', title: 'The post has changed', status: 409,
      detail: 'You edited version 3 but the post is now at version 4. Nothing was changed.',
      currentPost: { id: 'p1', version: 4 },
    }, 'application/problem+json'));
    const error = await apiRequest('/api/posts/p1', { method: 'PUT', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    expect(problem.status).toBe(409);
    expect(problem.is('stale-version')).toBe(true);
    expect(problem.extra<{ version: number }>('currentPost')?.version).toBe(4);
    expect(errorMessage(problem)).toBe('The post has changed. You edited version 3 but the post is now at version 4. Nothing was changed.');
  });

  it('lists the fields of a validation problem in its message', () => {
    const problem = new ProblemError(400, { type: '/problems/validation', title: 'Invalid input',
      errors: [{ field: 'title', message: 'must not be blank' }] });
    expect(errorMessage(problem)).toBe('title: must not be blank');
  });

  it('on a 401 refreshes the token once and repeats the request', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { type: '/problems/unauthorized', title: 'Unauthorized' }))
      .mockResolvedValueOnce(json(200, tokens('second')))
      .mockResolvedValueOnce(json(200, { ok: true }));
    await expect(apiRequest('/api/posts')).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls[1][0]).toBe('/api/auth/refresh');
    expect(fetchMock.mock.calls[1][1]?.headers).toMatchObject({ 'X-Requested-With': 'blog-admin' });
    expect((fetchMock.mock.calls[2][1]?.headers as Record<string, string>).Authorization).toBe('Bearer second');
  });

  it('ends the session with a message when the refresh is refused too', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { type: '/problems/unauthorized', title: 'Unauthorized' }))
      .mockResolvedValueOnce(json(401, { type: '/problems/invalid-refresh-token', title: 'Unauthorized' }));
    await expect(apiRequest('/api/posts')).rejects.toBeInstanceOf(ProblemError);
    expect(authStore.getState()).toMatchObject({ status: 'signed-out', notice: SESSION_ENDED });
    expect(authStore.getAccessToken()).toBeNull();
  });
});
