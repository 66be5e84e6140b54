// Helpers for the admin app's browser tests: accounts and posts made over the API (set-up, not the behaviour
// under test), logging in through the real login page, and checks that a page never navigated.
const fs = require('fs');
const path = require('path');
const { expect } = require('@playwright/test');
const { login, call } = require('./staff');

const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password', name: 'Administrator' };
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'target', 'e2e-screenshots');

let counter = 0;
/** A name no other test (or earlier run against a reused server) has used. */
function unique(prefix) {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}${counter}`;
}

async function tokenFor(request, user) {
  const response = await request.post('/api/auth/login', { data: { email: user.email, password: user.password } });
  if (!response.ok()) { throw new Error(`login ${user.email}: ${response.status()} ${await response.text()}`); }
  return (await response.json()).accessToken;
}

/** The administrator creates a staff account with this role; answers its credentials, display name and id. */
async function createStaff(request, role, name = unique(role.charAt(0) + role.slice(1).toLowerCase())) {
  const adminToken = await login(request);
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@e2e.test`;
  const user = { email, password: 'a-password-for-e2e', name, role };
  const created = await call(request, adminToken, 'POST', '/api/users', { email, displayName: name, password: user.password, role });
  return { ...user, id: created.id };
}

/** A post made over the API by this user (published when asked): answers the post with its version. */
async function createPost(request, user, content, { publish = false } = {}) {
  const token = user ? await tokenFor(request, user) : await login(request);
  let post = await call(request, token, 'POST', '/api/posts', content);
  if (publish) { post = await call(request, token, 'POST', `/api/posts/${post.id}/publish`, undefined, post.version); }
  return post;
}

/**
 * Opens `target` (an /admin path) signed out, logs in on the login page it redirects to, and waits until the app
 * is back on `target` with its live connection up.
 */
async function loginAt(page, user, target = '/admin/posts') {
  await page.goto(target);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[/]/g, '\\/')}$`));
  await expectConnected(page);
}

async function expectConnected(page, timeout = 10_000) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout });
}

/**
 * Marks the document and counts main-frame navigations from now on: `stillSameDocument()` is true only if the
 * page neither reloaded (the mark would be gone) nor navigated.
 */
async function watchNavigation(page) {
  await page.evaluate(() => { window.__marker = 'set-at-start'; });
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations += 1; });
  return async () => navigations === 0 && (await page.evaluate(() => window.__marker)) === 'set-at-start';
}

function row(page, postId) {
  return page.locator(`[data-testid="post-row"][data-post-id="${postId}"]`);
}

async function screenshot(page, name, locator) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await (locator ?? page).screenshot({ path: file, ...(locator ? {} : { fullPage: true }) });
  return file;
}

module.exports = {
  ADMIN, unique, tokenFor, createStaff, createPost, loginAt, expectConnected, watchNavigation, row, screenshot, call,
};
