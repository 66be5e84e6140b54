import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { FakeSocket } from '@/testing/fake-socket';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import { aFullPost, ana, bob, bodyText, findBody, renderEditor, typeInBody } from './editor-test-kit';

describe('EditorPage', { timeout: 30_000 }, () => {
  let api: ReturnType<typeof fakeApi>;

  beforeEach(async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    await signInAs('EDITOR');
    api = fakeApi();
    api.on('POST /api/posts/preview', (call) => json({ html: `<p>${(call.body as { body: string }).body.length} chars</p>` }));
  });

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  it('keeps the typed text on a conflict, names who changed the post, and Overwrite saves on top of their version', async () => {
    const user = userEvent.setup();
    api.on('GET /api/posts/p1', json(aFullPost({ status: 'PUBLISHED' })));
    const theirs = aFullPost({ status: 'PUBLISHED', title: 'Their title', body: 'Their body', version: 4 });
    api.on('GET /api/posts/p1/revisions', json([{ id: 'r4', version: 4, action: 'UPDATED', changedFields: ['title'],
      editor: bob, createdAt: '2026-11-26T18:01:00Z', title: 'Their title', status: 'PUBLISHED' }]));
    api.on('PUT /api/posts/p1',
      json({ type: '/problems/stale-version', title: 'The post has changed', status: 409, currentPost: theirs }, 409),
      (call) => json({ ...theirs, ...(call.body as object), version: 5 }));
    renderEditor('/posts/p1');

    await findBody();
    typeInBody(' and mine');
    // Published: its changes wait for Update (no autosave).
    await user.click(screen.getByRole('button', { name: 'Update' }));

    const banner = await screen.findByTestId('conflict-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('Their title');
    await vi.waitFor(() => expect(banner).toHaveTextContent('Bob changed this post'));
    expect(bodyText()).toBe('First line and mine');
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ version: 3, body: 'First line and mine' });

    await user.click(within(banner).getByRole('button', { name: 'Overwrite' }));
    await vi.waitFor(() => expect(screen.queryByTestId('conflict-banner')).not.toBeInTheDocument());
    expect(api.callsTo('PUT /api/posts/p1')[1].body).toMatchObject({ version: 4, title: 'Hello', body: 'First line and mine' });
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
  });

  it('Reload on a conflict takes their version and drops mine', async () => {
    const user = userEvent.setup();
    api.on('GET /api/posts/p1', json(aFullPost()));
    const theirs = aFullPost({ title: 'Their title', body: 'Their body', version: 4 });
    api.on('PUT /api/posts/p1', json({ type: '/problems/stale-version', title: 'The post has changed', status: 409, currentPost: theirs }, 409));
    renderEditor('/posts/p1');
    await user.type(await screen.findByLabelText('Title'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(await screen.findByTestId('conflict-banner')).getByRole('button', { name: 'Reload' }));
    expect(screen.getByLabelText('Title')).toHaveValue('Their title');
    expect(bodyText()).toBe('Their body');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
  });

  it('creates a post, moves to its address and says Saved', async () => {
    const user = userEvent.setup();
    api.on('POST /api/posts', (call) => json(aFullPost({ ...(call.body as object), id: 'p9', slug: 'new-one', version: 0 }), 201));
    renderEditor('/posts/new');
    await user.type(screen.getByLabelText('Title'), 'New one');
    await user.type(screen.getByLabelText('Tags'), 'b, a');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/posts/p9'));
    expect(api.callsTo('POST /api/posts')[0].body).toEqual({ title: 'New one', excerpt: null, body: '', tags: ['b', 'a'], featureImage: { mediaId: null } });
    expect(await screen.findByTestId('save-state')).toHaveTextContent('Saved');
    expect(screen.getByLabelText('Slug')).toHaveValue('new-one');
  });

  it('Publish on a new post saves it, publishes it and moves to its address', async () => {
    const user = userEvent.setup();
    api.on('POST /api/posts', (call) => json(aFullPost({ ...(call.body as object), id: 'p9', version: 0 }), 201));
    api.on('POST /api/posts/p9/publish', json(aFullPost({ id: 'p9', title: 'Fresh', status: 'PUBLISHED', version: 1 })));
    renderEditor('/posts/new');
    await user.type(screen.getByLabelText('Title'), 'Fresh');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await vi.waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/posts/p9'));
    expect(api.callsTo('POST /api/posts/p9/publish')[0].params.get('version')).toBe('0');
    expect(await screen.findByRole('button', { name: 'Unpublish' })).toBeInTheDocument();
  });

  it('shows validation errors next to their fields', async () => {
    const user = userEvent.setup();
    api.on('GET /api/posts/p1', json(aFullPost()));
    api.on('PUT /api/posts/p1', json({ type: '/problems/validation', title: 'Invalid request', status: 400,
      errors: [{ field: 'slug', message: 'must be lower-case letters and digits joined by single hyphens' }] }, 400));
    renderEditor('/posts/p1');
    await user.type(await screen.findByLabelText('Slug'), ' X');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const slug = screen.getByLabelText('Slug');
    await vi.waitFor(() => expect(slug).toHaveAttribute('aria-invalid', 'true'));
    expect(slug).toHaveAccessibleDescription(/must be lower-case letters/);
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
  });

  it('asks before deleting and goes back to the list', async () => {
    const user = userEvent.setup();
    api.on('GET /api/posts/p1', json(aFullPost()));
    api.on('DELETE /api/posts/p1', new Response(null, { status: 204 }));
    renderEditor('/posts/p1');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this post?' });
    expect(api.callsTo('DELETE /api/posts/p1')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete post' }));
    await vi.waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/posts$/));
    expect(api.callsTo('DELETE /api/posts/p1')[0].params.get('version')).toBe('3');
  });

  it('publishes with the version it shows', async () => {
    const user = userEvent.setup();
    api.on('GET /api/posts/p1', json(aFullPost()));
    api.on('POST /api/posts/p1/publish', json(aFullPost({ status: 'PUBLISHED', version: 4 })));
    renderEditor('/posts/p1');
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(await screen.findByRole('button', { name: 'Unpublish' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
    expect(api.callsTo('POST /api/posts/p1/publish')[0].params.get('version')).toBe('3');
  });

  it('shows who else is editing, not the user', async () => {
    api.on('GET /api/posts/p1', json(aFullPost()));
    const view = renderEditor('/posts/p1');
    await screen.findByLabelText('Title');
    act(() => {
      view.latest().open();
      view.latest().receive({ type: 'ready', audience: 'staff', position: 1, epoch: 'e', protocol: 1 });
      view.latest().receive({ type: 'presence-snapshot', entries: [
        { postId: 'p1', user: ana, expiresAt: new Date(Date.now() + 30_000).toISOString() },
        { postId: 'p1', user: bob, expiresAt: new Date(Date.now() + 30_000).toISOString() }] });
    });
    expect(await screen.findByTestId('presence')).toHaveTextContent('Bob is editing');
    expect(screen.getByTestId('presence')).not.toHaveTextContent('Ana');
    await vi.waitFor(() => expect(view.latest().sent).toContainEqual({ type: 'presence', postId: 'p1', editing: true }));
  });

  it('does not say it is editing a post the user may only read', async () => {
    authStore.end(null);
    await signInAs('AUTHOR', 'user-bob', 'Bob');
    api = fakeApi();
    api.on('GET /api/posts/p1', json(aFullPost({ status: 'PUBLISHED' })));
    const view = renderEditor('/posts/p1');
    await screen.findByLabelText('Title');
    act(() => {
      view.latest().open();
      view.latest().receive({ type: 'ready', audience: 'staff', position: 1, epoch: 'e', protocol: 1 });
      view.latest().receive({ type: 'presence-snapshot', entries: [
        { postId: 'p1', user: ana, expiresAt: new Date(Date.now() + 30_000).toISOString() }] });
    });

    expect(await screen.findByTestId('presence')).toHaveTextContent('Ana is editing');
    expect(view.latest().sent).not.toContainEqual(expect.objectContaining({ type: 'presence', editing: true }));
  });
});
