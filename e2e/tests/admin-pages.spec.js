// The administrator's own pages: staff accounts and the system status.
const { test, expect } = require('@playwright/test');
const { ADMIN, createStaff, loginAt, screenshot, unique } = require('./admin-helpers');

test('the administrator adds a user, is told when the email is taken, and changes the new user\'s role', async ({ page }) => {
  await loginAt(page, ADMIN, '/admin/users');
  const name = unique('Newcomer');
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@e2e.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill('a-password-for-e2e');
  await page.getByLabel('Role', { exact: true }).selectOption('CONTRIBUTOR');
  await page.getByRole('button', { name: 'Create user' }).click();
  const role = page.getByRole('combobox', { name: `Role of ${name}` });
  await expect(role).toHaveValue('CONTRIBUTOR');

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill('Someone else');
  await page.getByLabel('Password', { exact: true }).fill('a-password-for-e2e');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  const patched = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/users/'));
  await role.selectOption('EDITOR');
  expect((await patched).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('EDITOR');
  await screenshot(page, 'users');
});

test('a non-admin sees no Users link; the status page shows the database, Kafka and the outbox up', async ({ page, request }) => {
  const author = await createStaff(request, 'AUTHOR');
  await loginAt(page, author, '/admin/status');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  for (const part of ['Database', 'Kafka', 'Outbox']) {
    await expect(page.getByRole('region', { name: part }).getByTestId('state')).toHaveAttribute('data-state', 'up');
  }
  // This page's own socket is one of the staff sockets the metrics count. The page may have read the metrics
  // before its socket joined; it reads them again every 5 s, so allow for two more reads.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByRole('region', { name: 'Open sockets' })).toContainText(/Staff[1-9]/, { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Reconnects' })).toContainText(/Fresh joins[1-9]/);
  await screenshot(page, 'status');
});

test('a reload keeps the session (refresh from the cookie) and logging out ends it for good', async ({ page, request }) => {
  const author = await createStaff(request, 'AUTHOR');
  await loginAt(page, author, '/admin/status');
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'));
  await page.reload();
  expect((await refreshed).status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Status' })).toBeVisible();

  await page.locator('[aria-haspopup="menu"]').click();
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  expect((await loggedOut).status()).toBe(204);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
