import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { FakeSocket } from '@/testing/fake-socket';
import { aPage, aPost, anEvent, ana, bob } from '@/testing/post-fixtures';
import { renderWithRealtime } from '@/testing/render-with-realtime';
import { Toaster } from '@/components/ui/toaster';
import { LivePostsSync } from './live-posts-sync';
import { PostsPage } from './posts-page';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('PostsPage, live', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValueOnce(json({ accessToken: 't', expiresIn: 900,
      user: { id: ana.id, email: 'ana@example.test', displayName: 'Ana', role: 'EDITOR' } }));
    await authStore.login('ana@example.test', 'pw');
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  async function renderList() {
    fetchMock.mockResolvedValueOnce(json(aPage([aPost('a', 1, { title: 'Hello', author: bob })])));
    const view = renderWithRealtime(<><LivePostsSync /><PostsPage /><Toaster /></>);
    await screen.findByText('Hello');
    act(() => {
      view.latest().open();
      view.latest().receive({ type: 'ready', audience: 'staff', position: 1, epoch: 'e', protocol: 1 });
    });
    return view;
  }

  it('shows a new post, an edit and a status change made by someone else, with a highlight and a toast', async () => {
    const { latest } = await renderList();
    act(() => latest().receive({ type: 'event', position: 2, event: anEvent('blog-created', aPost('b', 1, { title: 'Fresh', author: bob }), bob) }));
    await screen.findByText('Fresh');
    const rows = screen.getAllByTestId('post-row');
    expect(rows.map((row) => within(row).getByTestId('post-title').textContent)).toEqual(['Fresh', 'Hello']);

    act(() => latest().receive({ type: 'event', position: 3,
      event: anEvent('blog-published', aPost('a', 2, { title: 'Hello', status: 'PUBLISHED', author: bob }), bob) }));
    const hello = screen.getAllByTestId('post-row')[1];
    await vi.waitFor(() => expect(within(hello).getByTestId('status-badge')).toHaveTextContent('Published'));
    expect(await screen.findByText("Bob published 'Hello'")).toBeInTheDocument();
    await vi.waitFor(() => expect(hello).toHaveAttribute('data-highlight', 'true'));

    act(() => latest().receive({ type: 'event', position: 4, event: anEvent('blog-deleted', aPost('b', 2), bob) }));
    await vi.waitFor(() => expect(screen.queryByText('Fresh')).not.toBeInTheDocument());
    expect(await screen.findByText("Bob deleted 'Fresh'")).toBeInTheDocument();
    // One GET /api/posts for the page, none for the events.
    expect(fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/posts'))).toHaveLength(1);
  });

  it('does not toast the user their own changes', async () => {
    const { latest } = await renderList();
    act(() => latest().receive({ type: 'event', position: 2, event: anEvent('blog-updated', aPost('a', 2, { title: 'Hello again', author: bob }), ana) }));
    expect(await screen.findByText('Hello again')).toBeInTheDocument();
    expect(screen.queryByText(/edited 'Hello again'/)).not.toBeInTheDocument();
  });

  it('shows who else is editing a post', async () => {
    const { latest } = await renderList();
    act(() => latest().receive({ type: 'presence', postId: 'a', user: bob, editing: true,
      expiresAt: new Date(Date.now() + 30_000).toISOString() }));
    expect(screen.getByTestId('presence')).toHaveTextContent('Bob is editing');
    act(() => latest().receive({ type: 'presence', postId: 'a', user: bob, editing: false }));
    expect(screen.queryByTestId('presence')).not.toBeInTheDocument();
  });

  it('says so when there are no posts, and shows the problem when loading fails', async () => {
    fetchMock.mockResolvedValueOnce(json(aPage([])));
    const { unmount } = renderWithRealtime(<PostsPage />);
    expect(await screen.findByText(/No posts yet/)).toBeInTheDocument();
    unmount();
    fetchMock.mockReset();
    fetchMock.mockResolvedValueOnce(json({ type: '/problems/bad-sort', title: 'Bad sort', status: 400, detail: 'Unknown sort field' }, 400));
    renderWithRealtime(<PostsPage />, { route: '/posts?sort=nope' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Bad sort. Unknown sort field');
  });
});
