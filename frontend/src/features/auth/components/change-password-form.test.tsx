import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { ChangePasswordForm } from './change-password-form';

const json = (status: number, body: unknown, type = 'application/problem+json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const patient = { timeout: 10_000 };

describe('ChangePasswordForm', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const calls = () => fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);

  beforeEach(async () => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValueOnce(json(200, { accessToken: 't', expiresIn: 900,
      user: { id: 'ana', email: 'ana@example.test', displayName: 'Ana', role: 'AUTHOR' } }, 'application/json'));
    await authStore.login('ana@example.test', 'secret');
    fetchMock.mockReset();
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  const renderForm = () => render(
    <QueryClientProvider client={new QueryClient()}>
      <ChangePasswordForm />
    </QueryClientProvider>,
  );

  async function fill(current: string, next: string, repeated = next) {
    await userEvent.type(await screen.findByLabelText('Current password', {}, patient), current);
    await userEvent.type(screen.getByLabelText('New password'), next);
    await userEvent.type(screen.getByLabelText('New password again'), repeated);
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  }

  it('sends the current and the new password and says the other sessions were signed out', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    renderForm();
    await fill('the-old-password', 'three unrelated words');

    expect(await screen.findByRole('status')).toHaveTextContent('Your other sessions have been signed out.');
    expect(calls()).toEqual(['POST /api/users/me/password']);
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body)))
      .toEqual({ currentPassword: 'the-old-password', newPassword: 'three unrelated words' });
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  it('catches two different new passwords without asking the server', async () => {
    renderForm();
    await fill('the-old-password', 'three unrelated words', 'three unrelated word');

    const repeated = screen.getByLabelText('New password again');
    expect(repeated).toHaveAttribute('aria-invalid', 'true');
    expect(repeated).toHaveAccessibleDescription('The two new passwords are not the same.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows a wrong current password under its field', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { type: '/problems/wrong-current-password', status: 400,
      title: 'Wrong current password', errors: [{ field: 'currentPassword', message: 'is not right' }] }));
    renderForm();
    await fill('not-it', 'three unrelated words');

    const current = screen.getByLabelText('Current password');
    await vi.waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(current).toHaveAccessibleDescription('is not right');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows why the server refused the new password, under it', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { type: '/problems/weak-password', status: 400, title: 'Weak password',
      errors: [{ field: 'newPassword', message: 'is a common password: choose another' }] }));
    renderForm();
    await fill('the-old-password', 'password1234');

    const next = screen.getByLabelText('New password');
    await vi.waitFor(() => expect(next).toHaveAttribute('aria-invalid', 'true'));
    expect(next).toHaveAccessibleDescription(/is a common password/);
    expect(next).toHaveValue('password1234');
  });
});
