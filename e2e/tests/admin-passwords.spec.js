// An administrator resets a password; the user logs in with the one-time password and must choose their own
// before the app opens.
const { test, expect } = require('@playwright/test');
const { ADMIN, createStaff, expectConnected, loginAt } = require('./admin-helpers');

test('a reset password must be changed at the next login, then the app opens as usual', async ({ browser, page, request }) => {
  const author = await createStaff(request, 'AUTHOR');
  await loginAt(page, ADMIN, '/admin/users');
  await page.getByRole('button', { name: `Reset password of ${author.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent()).trim();
  expect(temporary.length).toBeGreaterThanOrEqual(12);

  const context = await browser.newContext();
  const theirs = await context.newPage();
  await theirs.goto('/admin/posts');
  await theirs.getByLabel('Email').fill(author.email);
  await theirs.getByLabel('Password').fill(temporary);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(theirs.getByTestId('connection-status')).toHaveCount(0);

  await theirs.getByLabel('One-time password').fill(temporary);
  await theirs.getByLabel('New password', { exact: true }).fill('password1234');
  await theirs.getByLabel('New password again').fill('password1234');
  await theirs.getByRole('button', { name: 'Change password' }).click();
  await expect(theirs.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  const chosen = 'my own words for e2e';
  await theirs.getByLabel('New password', { exact: true }).fill(chosen);
  await theirs.getByLabel('New password again').fill(chosen);
  await theirs.getByRole('button', { name: 'Change password' }).click();
  await expectConnected(theirs);
  await expect(theirs).toHaveURL(/\/admin\/posts$/);

  const oldLogin = await request.post('/api/auth/login', { data: { email: author.email, password: temporary } });
  expect(oldLogin.status()).toBe(401);
  const newLogin = await request.post('/api/auth/login', { data: { email: author.email, password: chosen } });
  expect(newLogin.status()).toBe(200);
  await context.close();
});
