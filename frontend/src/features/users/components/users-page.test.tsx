import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import type { StaffUser } from '../api/types';
import { UsersPage } from './users-page';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const account = (id: string, displayName: string, role: StaffUser['role'], overrides: Partial<StaffUser> = {}): StaffUser => ({
  id, email: `${id}@example.test`, displayName, role, enabled: true,
  createdAt: '2026-11-26T18:00:00Z', updatedAt: '2026-11-26T18:00:00Z', version: 0, ...overrides,
});

// The first render on a busy machine can take seconds (jsdom, React in development mode).
const patient = { timeout: 10_000 };

const admin = account('admin', 'Ada', 'ADMIN');
const bob = account('bob', 'Bob', 'AUTHOR');

describe('UsersPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const calls = () => fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);
  const bodyOf = (index: number) => JSON.parse(String(fetchMock.mock.calls[index][1]?.body));

  beforeEach(async () => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValueOnce(json(200, { accessToken: 't', expiresIn: 900, user: admin }));
    await authStore.login('admin@example.test', 'secret');
    fetchMock.mockReset();
  });

  afterEach(() => {
    cleanup(); // before the session ends: the page may only render signed in
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  const renderPage = () => render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <UsersPage />
    </QueryClientProvider>,
  );

  it('changing a role sends a PATCH with the new role and the row shows the answer', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, [admin, bob]))
      .mockResolvedValueOnce(json(200, { ...bob, role: 'EDITOR', version: 1 }));
    renderPage();

    const role = await screen.findByRole('combobox', { name: 'Role of Bob' }, patient);
    await userEvent.selectOptions(role, 'EDITOR');

    await vi.waitFor(() => expect(calls()).toContain('PATCH /api/users/bob'));
    expect(bodyOf(1)).toEqual({ role: 'EDITOR' });
    expect(await screen.findByRole('combobox', { name: 'Role of Bob' })).toHaveValue('EDITOR');
  });

  it('offers no role or disable control on the admin\'s own account', async () => {
    fetchMock.mockResolvedValueOnce(json(200, [admin, bob]));
    renderPage();
    const rows = await screen.findAllByTestId('user-row', {}, patient);
    const own = rows.find((row) => row.dataset.userId === 'admin')!;
    expect(within(own).queryByRole('combobox')).toBeNull();
    expect(within(own).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'Disable Bob' })).toBeVisible();
  });

  it('disabling a user shows them as disabled with an Enable button', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, [admin, bob]))
      .mockResolvedValueOnce(json(200, { ...bob, enabled: false, version: 1 }));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Disable Bob' }, patient));
    expect(bodyOf(1)).toEqual({ enabled: false });
    expect(await screen.findByRole('button', { name: 'Enable Bob' })).toBeVisible();
    const row = screen.getAllByTestId('user-row').find((r) => r.dataset.userId === 'bob')!;
    expect(within(row).getByText('Disabled')).toBeVisible();
  });

  it('shows a taken email next to the email field and keeps what was typed', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, [admin]))
      .mockResolvedValueOnce(json(409, { type: '/problems/email-taken', title: 'Email taken', status: 409,
        detail: 'Another account uses bob@example.test.' }, 'application/problem+json'));
    renderPage();
    await screen.findAllByTestId('user-row', {}, patient);
    await userEvent.type(screen.getByLabelText('Email'), 'bob@example.test');
    await userEvent.type(screen.getByLabelText('Display name'), 'Bob');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-password');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));

    const email = screen.getByLabelText('Email');
    await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Another account uses bob@example.test.');
    expect(email).toHaveValue('bob@example.test');
    expect(bodyOf(1)).toEqual({ email: 'bob@example.test', displayName: 'Bob', password: 'a-long-password', role: 'AUTHOR' });
  });

  it('shows validation errors next to their fields', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, [admin]))
      .mockResolvedValueOnce(json(400, { type: '/problems/validation', title: 'Invalid input', status: 400,
        errors: [{ field: 'password', message: 'size must be between 12 and 72' }] }, 'application/problem+json'));
    renderPage();
    await screen.findAllByTestId('user-row', {}, patient);
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    const password = screen.getByLabelText('Password');
    await vi.waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(/size must be between 12 and 72/);
  });

  it('adds a created user to the list', async () => {
    const cy = account('cy', 'Cy', 'CONTRIBUTOR');
    fetchMock.mockResolvedValueOnce(json(200, [admin])).mockResolvedValueOnce(json(201, cy));
    renderPage();
    await screen.findAllByTestId('user-row', {}, patient);
    await userEvent.type(screen.getByLabelText('Email'), cy.email);
    await userEvent.type(screen.getByLabelText('Display name'), 'Cy');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-password');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'CONTRIBUTOR');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByRole('combobox', { name: 'Role of Cy' })).toHaveValue('CONTRIBUTOR');
    expect(screen.getByRole('status')).toHaveTextContent('Created Cy (Contributor).');
    expect(screen.getByLabelText('Email')).toHaveValue('');
  });

  it('resetting a password asks first, then shows the one-time password once and marks the account', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, [admin, bob]))
      .mockResolvedValueOnce(json(200, { temporaryPassword: 'Tmp-One-Time-123',
        user: { ...bob, passwordChangeRequired: true, version: 1 } }));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Reset password of Bob' }, patient));

    const dialog = screen.getByRole('dialog', { name: 'Reset the password of Bob?' });
    expect(calls()).toEqual(['GET /api/users']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reset password' }));

    await vi.waitFor(() => expect(calls()).toContain('POST /api/users/bob/password-reset'));
    expect(await screen.findByTestId('temporary-password')).toHaveTextContent('Tmp-One-Time-123');
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = screen.getAllByTestId('user-row').find((r) => r.dataset.userId === 'bob')!;
    expect(within(row).getByTestId('password-change-required')).toHaveTextContent('must change password');
  });

  it('cancelling the reset sends nothing', async () => {
    fetchMock.mockResolvedValueOnce(json(200, [admin, bob]));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Reset password of Bob' }, patient));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls()).toEqual(['GET /api/users']);
    expect(screen.queryByTestId('temporary-password')).toBeNull();
  });
});
