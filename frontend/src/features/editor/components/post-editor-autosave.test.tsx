import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { FakeSocket } from '@/testing/fake-socket';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import type { PostView } from '@/types/api';
import { deviceCopyKey } from '../utils/device-copy';
import { aFullPost, ana, bob, bodyText, findBody, renderEditor, typeInBody } from './editor-test-kit';

const offline = () => {
  throw new TypeError('Failed to fetch');
};

describe('PostEditor: autosave never loses text', { timeout: 30_000 }, () => {
  let api: ReturnType<typeof fakeApi>;

  beforeEach(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  async function open(post: PostView) {
    await signInAs('EDITOR', ana.id, ana.name);
    api = fakeApi();
    api.on('POST /api/posts/preview', json({ html: '<p>rendered</p>' }));
    api.on('GET /api/posts/p1', json(post));
    renderEditor('/posts/p1');
    await findBody();
  }

  const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
  const stored = () => JSON.parse(window.localStorage.getItem(deviceCopyKey(ana.id, 'p1')) ?? 'null');

  it('offline: says so, keeps the text on the device, and after a reload offers it back with what differs', async () => {
    await open(aFullPost());
    api.on('PUT /api/posts/p1', offline);
    typeInBody(' and an offline thought');
    expect(stored()).toMatchObject({ baseVersion: 3, fields: { body: 'First line and an offline thought' } });
    await advance(3_500);
    await vi.waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Offline — changes kept on this device'));
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ version: 3, autosave: true });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // The tab is closed and opened again (the server still has version 3).
    cleanup();
    await open(aFullPost());
    const offer = await screen.findByTestId('restore-offer');
    expect(offer).toHaveTextContent('This device kept unsaved changes');
    expect(within(offer).getByTestId('diff-body')).toHaveTextContent('First line and an offline thought');
    expect(bodyText()).toBe('First line');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes on this device');
    await advance(10_000);
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(0);

    api.on('PUT /api/posts/p1', (call) => json(aFullPost({ ...(call.body as object), version: 4 })));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    expect(bodyText()).toBe('First line and an offline thought');
    expect(screen.queryByTestId('restore-offer')).not.toBeInTheDocument();
    await advance(3_500);
    await vi.waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ version: 3, body: 'First line and an offline thought' });
    expect(stored()).toBeNull();
  });

  it('a restored copy older than the server’s version meets the conflict banner instead of overwriting it', async () => {
    window.localStorage.setItem(deviceCopyKey(ana.id, 'p1'), JSON.stringify({
      fields: { title: 'Hello', slug: 'hello', excerpt: '', tags: 'news', body: 'My kept idea' }, baseVersion: 2,
      keptAt: '2026-11-26T18:00:00Z' }));
    await open(aFullPost());
    const theirs = aFullPost({ body: 'Their newer body', version: 4 });
    api.on('GET /api/posts/p1/revisions', json([]));
    api.on('PUT /api/posts/p1', (call) => (call.body as { version: number }).version === 3
      ? json(aFullPost({ ...(call.body as object), version: 4 }))
      : json({ type: '/problems/stale-version', title: 'The post has changed', status: 409, currentPost: theirs }, 409));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(within(await screen.findByTestId('restore-offer')).getByRole('button', { name: 'Restore my changes' }));
    await advance(3_500);

    const banner = await screen.findByTestId('conflict-banner');
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ version: 2, body: 'My kept idea' });
    expect(bodyText()).toBe('My kept idea');
    expect(within(banner).getByTestId('their-body')).toHaveTextContent('Their newer body');
    expect(stored()).toMatchObject({ fields: { body: 'My kept idea' } });
  });

  it('Discard drops the device copy and keeps the server’s text', async () => {
    window.localStorage.setItem(deviceCopyKey(ana.id, 'p1'), JSON.stringify({
      fields: { title: 'Hello', slug: 'hello', excerpt: '', tags: 'news', body: 'Old idea' }, baseVersion: 3,
      keptAt: '2026-11-26T18:00:00Z' }));
    await open(aFullPost());
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(within(await screen.findByTestId('restore-offer')).getByRole('button', { name: 'Discard them' }));
    expect(stored()).toBeNull();
    expect(bodyText()).toBe('First line');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
  });

  it('a published post keeps changes on the device until Update, and never autosaves them', async () => {
    await open(aFullPost({ status: 'PUBLISHED' }));
    typeInBody(' — a correction');
    await advance(30_000);
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(0);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes — kept on this device until you update');
    expect(stored()).toMatchObject({ fields: { body: 'First line — a correction' } });

    api.on('PUT /api/posts/p1', (call) => json(aFullPost({ ...(call.body as object), status: 'PUBLISHED', version: 4 })));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Update' }));
    await vi.waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ autosave: false });
    expect(stored()).toBeNull();
  });

  it('a conflict during autosave keeps both texts and pauses autosave until the writer decides', async () => {
    await open(aFullPost());
    const theirs = aFullPost({ body: 'Their body', version: 4 });
    api.on('GET /api/posts/p1/revisions', json([{ id: 'r4', version: 4, action: 'UPDATED', changedFields: ['body'],
      editor: bob, createdAt: '2026-11-26T18:01:00Z', title: 'Hello', status: 'DRAFT' }]));
    api.on('PUT /api/posts/p1', json({ type: '/problems/stale-version', title: 'The post has changed', status: 409, currentPost: theirs }, 409));
    typeInBody(' and mine');
    await advance(3_500);
    const banner = await screen.findByTestId('conflict-banner');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Conflict');
    expect(bodyText()).toBe('First line and mine');
    await vi.waitFor(() => expect(banner).toHaveTextContent('Bob changed this post'));
    expect(within(banner).getByTestId('their-body')).toHaveTextContent('Their body');

    typeInBody(', still mine');
    await advance(30_000);
    expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(1);
    expect(stored()).toMatchObject({ fields: { body: 'First line and mine, still mine' } });
  });
});
