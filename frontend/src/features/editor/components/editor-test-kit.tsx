import { EditorView } from '@codemirror/view';
import { act, screen } from '@testing-library/react';
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

/** The body's labelled content element, inside the editor's shadow root (testing-library does not look there). */
export function bodyContent(): HTMLElement {
  const content = screen.getByTestId('markdown-editor').shadowRoot?.querySelector<HTMLElement>('[aria-label="Body (Markdown)"]');
  if (!content) throw new Error('The body editor is not on the page');
  return content;
}

export async function findBody(): Promise<HTMLElement> {
  await screen.findByTestId('markdown-editor', {}, { timeout: 10_000 });
  return bodyContent();
}

/** The body's CodeMirror view. */
export function bodyView(): EditorView {
  const view = EditorView.findFromDOM(bodyContent());
  if (!view) throw new Error('The body editor is not on the page');
  return view;
}

export function bodyText(): string {
  return bodyView().state.doc.toString();
}

/**
 * Types at the end of the body as CodeMirror's own input handling would (jsdom has no layout for real key input
 * into a contenteditable; the browser tests type with the keyboard).
 */
export function typeInBody(text: string): void {
  const view = bodyView();
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
}
