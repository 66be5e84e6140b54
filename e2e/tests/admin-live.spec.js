// Two members of staff in two browsers: what one does in the admin app, the other's list shows at once, without
// a reload; saving over someone else's save shows the conflict and keeps the typed text; the list shows who is
// editing what.
const { test, expect } = require('@playwright/test');
const {
  ADMIN, createPost, createStaff, loginAt, row, screenshot, unique, watchNavigation,
} = require('./admin-helpers');

/** What users expect of "live": a change shows on the other screen within two seconds. */
const LIVE = { timeout: 2_000 };

async function twoBrowsers(browser, baseURL) {
  const first = await browser.newContext({ baseURL });
  const second = await browser.newContext({ baseURL });
  return { a: await first.newPage(), b: await second.newPage(), close: () => Promise.all([first.close(), second.close()]) };
}

test('what an editor does to a post in the admin app shows in the admin\'s list within 2 s, without a reload', async ({ browser, request, baseURL }) => {
  const editor = await createStaff(request, 'EDITOR');
  const { a, b, close } = await twoBrowsers(browser, baseURL);
  await loginAt(b, ADMIN, '/admin/posts');
  const sameDocument = await watchNavigation(b);
  await loginAt(a, editor, '/admin/posts/new');

  const title = unique('Made in the admin app');
  await a.getByLabel('Title').fill(title);
  await a.getByLabel('Tags').fill('e2e, live');
  await a.getByLabel('Body (Markdown)').fill('First words, **typed** in the editor.');
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(a).toHaveURL(/\/admin\/posts\/[0-9a-f-]{36}$/);
  await expect(a.getByTestId('save-state')).toHaveText('Saved');
  const id = a.url().split('/').pop();
  const bRow = row(b, id);
  await expect(bRow.getByTestId('post-title')).toHaveText(title, LIVE);
  await expect(bRow.getByTestId('status-badge')).toHaveAttribute('data-status', 'DRAFT');
  await screenshot(a, 'editor');

  await a.getByLabel('Title').fill(`${title} (edited)`);
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(a.getByTestId('save-state')).toHaveText('Saved');
  await expect(bRow.getByTestId('post-title')).toHaveText(`${title} (edited)`, LIVE);

  await a.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(a.getByRole('button', { name: 'Unpublish', exact: true })).toBeVisible();
  await expect(bRow.getByTestId('status-badge')).toHaveAttribute('data-status', 'PUBLISHED', LIVE);
  await screenshot(b, 'list');

  await a.getByRole('button', { name: 'Unpublish', exact: true }).click();
  await expect(a.getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
  await expect(bRow.getByTestId('status-badge')).toHaveAttribute('data-status', 'DRAFT', LIVE);

  await a.getByRole('button', { name: 'Delete', exact: true }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Delete post' }).click();
  await expect(a).toHaveURL(/\/admin\/posts$/);
  await expect(bRow).toHaveCount(0, LIVE);

  expect(await sameDocument()).toBe(true);
  await close();
});

test('saving over someone else\'s newer save shows the conflict banner and keeps the typed text', async ({ browser, request, baseURL }) => {
  const editor = await createStaff(request, 'EDITOR');
  const title = unique('Contested');
  // Published, so no autosave (drafts only) can save B's text before B presses Save.
  const post = await createPost(request, null, { title, body: 'The original body.' }, { publish: true });
  const { a, b, close } = await twoBrowsers(browser, baseURL);
  await loginAt(a, editor, `/admin/posts/${post.id}`);
  await loginAt(b, ADMIN, `/admin/posts/${post.id}`);
  await expect(a.getByLabel('Title')).toHaveValue(title);
  await expect(b.getByLabel('Body (Markdown)')).toHaveText('The original body.');

  const mine = 'B rewrote the body while A was saving.';
  await b.getByLabel('Body (Markdown)').fill(mine);
  await a.getByLabel('Title').fill(`${title}, as A saved it`);
  await a.getByRole('button', { name: 'Update', exact: true }).click();
  await expect(a.getByTestId('save-state')).toHaveText('Saved');
  await b.getByRole('button', { name: 'Update', exact: true }).click();

  const banner = b.getByTestId('conflict-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText(`${title}, as A saved it`);
  await expect(banner).toContainText(editor.name);
  for (const name of ['Reload', 'Overwrite', 'Copy my text']) {
    await expect(banner.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(b.getByLabel('Body (Markdown)')).toHaveText(mine);
  await expect(b.getByLabel('Title')).toHaveValue(title);
  await screenshot(b, 'conflict-banner');
  await screenshot(b, 'conflict-banner-close-up', banner);
  await close();
});

test('the list shows who is editing a post, until their tab closes', async ({ browser, request, baseURL }) => {
  const editor = await createStaff(request, 'EDITOR');
  const post = await createPost(request, null, { title: unique('Being edited'), body: 'Text.' });
  const { a, b, close } = await twoBrowsers(browser, baseURL);
  await loginAt(b, ADMIN, '/admin/posts');
  const presence = row(b, post.id).getByTestId('presence');
  await expect(presence).toHaveCount(0);

  await loginAt(a, editor, `/admin/posts/${post.id}`);
  await expect(presence).toHaveText(`${editor.name} is editing`);

  await a.close();
  await expect(presence).toHaveCount(0);
  await close();
});
