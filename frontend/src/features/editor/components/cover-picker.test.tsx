import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { FakeSocket } from '@/testing/fake-socket';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import { aFullPost, renderEditor } from './editor-test-kit';

const image = (id: string, alt: string) => ({
  id, url: `/media/${id}/1200.jpg`, contentType: 'image/jpeg', width: 1200, height: 600, bytes: 1000, alt,
  variants: [{ width: 640, url: `/media/${id}/640.jpg` }, { width: 320, url: `/media/${id}/320.jpg` }],
  createdAt: '2026-12-07T04:00:00Z', uploadedBy: { id: 'user-ana', name: 'Ana' }, version: 1, usedBy: [],
});

describe('CoverPicker in the editor', { timeout: 30_000 }, () => {
  let api: ReturnType<typeof fakeApi>;

  beforeEach(async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    await signInAs('EDITOR');
    api = fakeApi();
    api.on('POST /api/posts/preview', json({ html: '<p>preview</p>' }));
    api.on('GET /api/media', json({ items: [image('m1', 'Harbour at dawn'), image('m2', '')], page: 0, size: 30,
      totalItems: 2, totalPages: 1 }));
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  it('a cover chosen from the library is saved with its alt text; a missing alt text is only warned about', async () => {
    const user = userEvent.setup();
    api.on('GET /api/posts/p1', json(aFullPost({ status: 'PUBLISHED' })));
    api.on('PUT /api/posts/p1', (call) => json({ ...aFullPost({ status: 'PUBLISHED' }), ...(call.body as object), version: 4 }));
    renderEditor('/posts/p1');

    await user.click(await screen.findByRole('button', { name: 'Choose from library' }));
    const library = await screen.findByRole('list', { name: 'Library' });
    await user.click(within(library).getByRole('img', { name: 'Use this image' }));
    expect(await screen.findByText('Add alt text before publishing.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Cover alt text'), 'Boats');
    expect(screen.queryByText('Add alt text before publishing.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Update' }));

    await vi.waitFor(() => expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(1));
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ featureImage: { mediaId: 'm2', alt: 'Boats' } });
  });

  it('shows a post\'s cover and removes it with an explicit null', async () => {
    const user = userEvent.setup();
    const post = aFullPost({ status: 'PUBLISHED', featureImage: { mediaId: 'm1', alt: 'Harbour at dawn' } });
    api.on('GET /api/posts/p1', json(post));
    api.on('PUT /api/posts/p1', (call) => json({ ...post, ...(call.body as object), featureImage: null, version: 4 }));
    renderEditor('/posts/p1');

    expect(await screen.findByLabelText('Cover alt text')).toHaveValue('Harbour at dawn');
    await user.click(screen.getByRole('button', { name: 'Remove cover' }));
    expect(screen.queryByLabelText('Cover alt text')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Update' }));

    await vi.waitFor(() => expect(api.callsTo('PUT /api/posts/p1')).toHaveLength(1));
    expect(api.callsTo('PUT /api/posts/p1')[0].body).toMatchObject({ featureImage: { mediaId: null } });
  });
});
