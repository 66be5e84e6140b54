import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { FakeSocket } from '@/testing/fake-socket';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import type { PostView } from '@/types/api';
import { aFullPost, ana, bodyText, findBody, renderEditor, typeInBody } from './editor-test-kit';

describe('PostEditor: moving to another page of the app with unsaved changes', { timeout: 30_000 }, () => {
  let api: ReturnType<typeof fakeApi>;

  beforeEach(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  async function open(post: PostView) {
    await signInAs('EDITOR', ana.id, ana.name);
    api = fakeApi();
    api.on('POST /api/posts/preview', json({ html: '<p>rendered</p>' }));
    api.on('GET /api/posts/p1', json(post));
    api.on('GET /api/posts', json({ items: [], page: 0, size: 20, total: 0 }));
    const rendered = renderEditor('/posts/p1');
    await findBody();
    return rendered;
  }

  const where = () => screen.getByTestId('location').textContent;
  const question = () => screen.queryByRole('dialog', { name: 'Leave with unsaved changes?' });

  it('asks on a published post waiting for Update; Stay keeps the page and the text, Leave goes', async () => {
    const { router } = await open(aFullPost({ status: 'PUBLISHED', publishedAt: '2026-11-26T18:00:00Z' }));
    typeInBody(' and a fix');

    await act(() => router.navigate('/posts'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });
    expect(dialog).toHaveTextContent('This device keeps them');
    expect(within(dialog).getByRole('button', { name: 'Stay' })).toHaveFocus();
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(question()).not.toBeInTheDocument();
    expect(where()).toBe('/posts/p1');
    expect(bodyText()).toBe('First line and a fix');

    await act(() => router.navigate('/posts'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }));
    await vi.waitFor(() => expect(where()).toBe('/posts'));
    // Nothing was sent: a published post changes for readers only on Update.
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(0);
  });

  it('does not ask for a draft, which saves itself on the way out', async () => {
    const { router } = await open(aFullPost());
    api.on('PUT /api/posts/p1', (call) => json(aFullPost({ ...(call.body as object), version: 4 })));
    typeInBody(' and more');

    await act(() => router.navigate('/posts'));
    await vi.waitFor(() => expect(where()).toBe('/posts'));
    expect(question()).not.toBeInTheDocument();
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ version: 3, body: 'First line and more' });
  });

  it('asks for a draft whose save failed for want of a connection', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { router } = await open(aFullPost());
      api.on('PUT /api/posts/p1', () => {
        throw new TypeError('Failed to fetch');
      });
      typeInBody(' offline');
      await act(() => vi.advanceTimersByTimeAsync(3_500));
      await vi.waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Offline'));

      await act(() => router.navigate('/posts'));
      expect(await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' })).toBeInTheDocument();
      expect(where()).toBe('/posts/p1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not ask when nothing is unsaved, nor for a move inside the same page', async () => {
    const { router } = await open(aFullPost({ status: 'PUBLISHED', publishedAt: '2026-11-26T18:00:00Z' }));
    await act(() => router.navigate('/posts/p1?tab=preview'));
    await act(() => router.navigate('/posts'));
    await vi.waitFor(() => expect(where()).toBe('/posts'));
    expect(question()).not.toBeInTheDocument();
  });
});
