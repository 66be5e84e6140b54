import { Route, Routes, useLocation } from 'react-router';
import { renderWithRealtime } from '@/testing/render-with-realtime';
import type { PostView } from '@/types/api';
import { EditorPage } from './editor-page';

export const ana = { id: 'user-ana', name: 'Ana' };
export const bob = { id: 'user-bob', name: 'Bob' };

export function aFullPost(overrides: Partial<PostView> = {}): PostView {
  return {
    id: 'p1', title: 'Hello', slug: 'hello', excerpt: null, status: 'DRAFT', tags: ['news'], author: ana,
    publishedAt: null, scheduledAt: null, updatedAt: '2026-11-26T18:00:00Z', version: 3,
    body: 'First line', bodyHtml: '<p>First line</p>', ...overrides,
  };
}

function Where() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname}</output>;
}

/** The editor at a route, inside the app's providers, with the current path shown for assertions. */
export function renderEditor(route: string) {
  return renderWithRealtime(
    <>
      <Routes>
        <Route path="/posts/new" element={<EditorPage />} />
        <Route path="/posts/:id" element={<EditorPage />} />
        <Route path="*" element={null} />
      </Routes>
      <Where />
    </>,
    { route },
  );
}
