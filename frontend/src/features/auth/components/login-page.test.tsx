import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { authStore, SESSION_ENDED } from '@/lib/auth/auth-store';
import { LoginPage } from './login-page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

function renderLogin() {
  const router = createMemoryRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/posts', element: <h1>Posts</h1> },
  ], { initialEntries: ['/login'] });
  render(<RouterProvider router={router} />);
}

describe('LoginPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    authStore.end(null);
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('shows the message of the problem the API answers', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { type: '/problems/bad-credentials', title: 'Bad credentials', status: 401,
      detail: 'The email or password is wrong.' }));
    renderLogin();
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is wrong.');
  });

  it('says why the user is back at the login page, and goes to the posts once signed in', async () => {
    authStore.end(SESSION_ENDED);
    renderLogin();
    expect(screen.getByRole('status')).toHaveTextContent('Your session ended, please log in again.');
    fetchMock.mockResolvedValueOnce(json(200, { accessToken: 't', expiresIn: 900,
      user: { id: 'u', email: 'ana@example.test', displayName: 'Ana', role: 'AUTHOR' } }));
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Posts' })).toBeInTheDocument();
  });
});
