import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { FakeSocket } from '@/testing/fake-socket';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import type { BlogEvent } from '@/types/api';
import { aFullPost, ana, bob, renderEditor, typeInBody } from './editor-test-kit';

function updatedBy(actor: typeof bob, version: number, type: BlogEvent['type'] = 'blog-updated') {
  const post = aFullPost({ version, title: 'Their title' });
  return { type: 'event', position: version, event: { schemaVersion: 1, eventId: `e${version}`, type, postId: 'p1',
    version, occurredAt: '2026-11-26T18:02:00Z', actor, post: type === 'blog-deleted' ? null : post } };
}

describe('PostEditor: autosave, roles, preview and live changes', { timeout: 30_000 }, () => {
  let api: ReturnType<typeof fakeApi>;

  beforeEach(() => vi.stubGlobal('WebSocket', FakeSocket));

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  async function open(role: Parameters<typeof signInAs>[0], post = aFullPost(), userId = ana.id) {
    await signInAs(role, userId);
    api = fakeApi();
    api.on('POST /api/posts/preview', json({ html: '<p>rendered</p>' }));
    api.on('GET /api/posts/p1', json(post));
    api.on('PUT /api/posts/p1', (call) => json({ ...post, ...(call.body as object), version: post.version + 1 }));
    const view = renderEditor('/posts/p1');
    await screen.findByLabelText('Title', {}, { timeout: 10_000 });
    return view;
  }

  it('autosaves a draft 3 s after the last change, with its version, and never when nothing changed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await open('AUTHOR');
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(0);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');

    typeInBody('!');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes');
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(1_500));
    await vi.waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    expect(api.callsTo('PUT /api/posts/p1')).toEqual([expect.objectContaining({ body: expect.objectContaining({ version: 3, body: 'First line!' }) })]);

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(1);
  });

  it('does not autosave a published post', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await open('EDITOR', aFullPost({ status: 'PUBLISHED' }));
    typeInBody('!');
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(0);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes');
  });

  it('does not offer Publish, Unpublish or Delete to a CONTRIBUTOR, but Save on their draft', async () => {
    await open('CONTRIBUTOR');
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unpublish' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('offers Publish to an AUTHOR on their own post only', async () => {
    await open('AUTHOR');
    expect(screen.getByRole('button', { name: 'Publish' })).toBeInTheDocument();
    cleanup();
    authStore.end(null);
    await open('AUTHOR', aFullPost({ author: bob, status: 'PUBLISHED' }));
    expect(screen.queryByRole('button', { name: 'Unpublish' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('shows only the server-rendered preview HTML, never the typed markup', async () => {
    await open('EDITOR', aFullPost({ body: '' }));
    const attack = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    api.on('POST /api/posts/preview', json({ html: '<p><img src="x"></p>' }));
    typeInBody(attack);
    const preview = screen.getByRole('region', { name: 'Preview' });
    await vi.waitFor(() => expect(api.callsTo('POST /api/posts/preview').at(-1)?.body).toEqual({ body: attack }));
    await vi.waitFor(() => expect(preview.querySelector('img')).not.toBeNull());
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.querySelector('[onerror]')).toBeNull();
    expect(preview.innerHTML).toContain('<p><img src="x"></p>');
  });

  it('takes someone else’s update while the form is clean, and says so', async () => {
    const view = await open('EDITOR');
    api.on('GET /api/posts/p1', json(aFullPost({ version: 4, title: 'Their title' })));
    act(() => view.latest().receive(updatedBy(bob, 4)));
    expect(await screen.findByTestId('remote-change')).toHaveTextContent('Bob updated this post');
    await vi.waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Their title'));
  });

  it('keeps the typed text when someone else updates or deletes the post meanwhile', async () => {
    const user = userEvent.setup();
    const view = await open('EDITOR', aFullPost({ status: 'PUBLISHED' }));
    await user.type(screen.getByLabelText('Title'), ' mine');
    api.on('GET /api/posts/p1', json(aFullPost({ version: 4, title: 'Their title' })));
    act(() => view.latest().receive(updatedBy(bob, 4)));
    expect(await screen.findByTestId('remote-change')).toHaveTextContent('Bob updated this post');
    await vi.waitFor(() => expect(api.callsTo('GET /api/posts/p1')).toHaveLength(2));
    expect(screen.getByLabelText('Title')).toHaveValue('Hello mine');

    act(() => view.latest().receive(updatedBy(bob, 5, 'blog-deleted')));
    await vi.waitFor(() => expect(screen.getByTestId('remote-change')).toHaveTextContent('Bob deleted this post'));
    expect(screen.getByLabelText('Title')).toHaveValue('Hello mine');
  });

  it('says nothing about the user’s own changes', async () => {
    const view = await open('EDITOR');
    act(() => view.latest().receive(updatedBy(ana, 4)));
    await vi.waitFor(() => expect(api.callsTo('GET /api/posts/p1')).toHaveLength(2));
    expect(screen.queryByTestId('remote-change')).not.toBeInTheDocument();
  });
});
