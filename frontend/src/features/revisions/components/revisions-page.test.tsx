import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { FakeSocket } from '@/testing/fake-socket';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import { renderWithRealtime } from '@/testing/render-with-realtime';
import type { PostView } from '@/types/api';
import { diffRows } from '@/components/text-diff';
import { RevisionsPage } from './revisions-page';

const ana = { id: 'user-ana', name: 'Ana' };
const bob = { id: 'user-bob', name: 'Bob' };
const current: PostView = {
  id: 'p1', title: 'Hello again', slug: 'hello', excerpt: null, status: 'DRAFT', tags: ['news'], author: ana,
  publishedAt: null, updatedAt: '2026-11-26T18:05:00Z', version: 2, body: 'one\ntwo changed\nthree', bodyHtml: '',
};
const rows = [
  { id: 'r2', version: 2, action: 'UPDATED', changedFields: ['title', 'body'], editor: bob, createdAt: '2026-11-26T18:05:00Z', title: 'Hello again', status: 'DRAFT' },
  { id: 'r1', version: 1, action: 'CREATED', changedFields: [], editor: ana, createdAt: '2026-11-26T18:00:00Z', title: 'Hello', status: 'DRAFT' },
];

function Where() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

describe('RevisionsPage', { timeout: 30_000 }, () => {
  let api: ReturnType<typeof fakeApi>;

  beforeEach(async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    await signInAs('AUTHOR');
    api = fakeApi();
    api.on('GET /api/posts/p1', json(current));
    api.on('GET /api/posts/p1/revisions', json(rows));
    api.on('GET /api/posts/p1/revisions/r1', json({ ...rows[1], slug: 'hello', excerpt: null, tags: ['news'], body: 'one\ntwo\nthree' }));
    renderWithRealtime(
      <><Routes><Route path="/posts/:id/revisions" element={<RevisionsPage />} /><Route path="*" element={null} /></Routes><Where /></>,
      { route: '/posts/p1/revisions' },
    );
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  it('lists every save with its version, action, changed fields and editor', async () => {
    const items = await screen.findAllByTestId('revision-row');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Version 2');
    expect(items[0]).toHaveTextContent('UPDATED');
    expect(items[0]).toHaveTextContent('Bob');
    expect(items[0]).toHaveTextContent('changed title, body');
    expect(items[1]).toHaveTextContent('CREATED');
  });

  it('shows what changed between a revision and the current post', async () => {
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Show changes of version 1' }));
    const changes = await screen.findByTestId('revision-changes');
    const body = within(changes).getByTestId('diff-body');
    expect(body.querySelector('del')).toHaveTextContent('two');
    expect(body.querySelector('ins')).toHaveTextContent('two changed');
    expect(within(changes).getByTestId('diff-title')).toHaveTextContent('Hello again');
    expect(within(changes).queryByTestId('diff-slug')).not.toBeInTheDocument();
  });

  it('restores a revision after confirmation, with the current version, then opens the editor', async () => {
    const user = userEvent.setup();
    api.on('POST /api/posts/p1/revisions/r1/restore', json({ ...current, title: 'Hello', version: 3 }));
    await user.click(await screen.findByRole('button', { name: 'Restore version 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore version 1?' });
    expect(api.callsTo('POST /api/posts/p1/revisions/r1/restore')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Restore version' }));
    await vi.waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/posts\/p1$/));
    expect(api.callsTo('POST /api/posts/p1/revisions/r1/restore')[0].params.get('version')).toBe('2');
  });
});

describe('diffRows', () => {
  it('marks removed, added and kept lines', () => {
    expect(diffRows('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'added', text: 'B' }, { kind: 'same', text: 'c' },
    ]);
  });
});
