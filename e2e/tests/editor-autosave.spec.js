// Autosave in Chromium against the real server: a draft saves itself and survives a reload; a conflict during
// autosave keeps both texts; with the API blocked the text is kept on the device, and after the tab crashed the
// reopened editor offers it back.
const { test, expect } = require('@playwright/test');
const { call, createPost, createStaff, loginAt, screenshot, tokenFor, unique } = require('./admin-helpers');

async function text(body) {
  return body.locator('.cm-line').evaluateAll((lines) => lines.map((line) => line.textContent).join('\n'));
}

async function openDraft(page, request, bodyText = 'Start.') {
  const author = await createStaff(request, 'AUTHOR');
  const post = await createPost(request, author, { title: unique('Autosaved'), body: bodyText });
  await loginAt(page, author, `/admin/posts/${post.id}`);
  const body = page.getByLabel('Body (Markdown)');
  await expect.poll(() => text(body)).toBe(bodyText);
  return { author, post, body };
}

async function typeAtEnd(page, body, words) {
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
}

async function serverBody(request, author, id) {
  return (await call(request, await tokenFor(request, author), 'GET', `/api/posts/${id}`)).body;
}

test('a draft saves itself after typing stops, and a reload shows the text from the server', async ({ page, request }) => {
  const { author, post, body } = await openDraft(page, request);
  await typeAtEnd(page, body, ' Typed and left alone.');
  const state = page.getByTestId('save-state');
  await expect(state).toHaveText('Saved', { timeout: 15_000 });
  expect(await serverBody(request, author, post.id)).toBe('Start. Typed and left alone.');

  await page.reload();
  await expect.poll(() => text(page.getByLabel('Body (Markdown)'))).toBe('Start. Typed and left alone.');
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
  await expect(state).toHaveText('Saved');
});

test('a conflict during autosave keeps both texts and saves nothing over the other person', async ({ page, request }) => {
  const editor = await createStaff(request, 'EDITOR');
  const editorToken = await tokenFor(request, editor);
  const { author, post, body } = await openDraft(page, request, 'Shared start.');
  await typeAtEnd(page, body, ' My own addition.');
  // Someone else saves during the typing pause, before the autosave: version 1 is theirs.
  await call(request, editorToken, 'PUT', `/api/posts/${post.id}`,
    { title: post.title, body: 'Their newer text.', tags: [] }, post.version);

  const banner = page.getByTestId('conflict-banner');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('save-state')).toHaveText('Conflict');
  await expect(banner).toContainText(editor.name);
  await expect(banner.getByTestId('their-body')).toHaveText('Their newer text.');
  await expect.poll(() => text(body)).toBe('Shared start. My own addition.');
  expect(await serverBody(request, author, post.id)).toBe('Their newer text.');
  await screenshot(page, 'editor-autosave-conflict');

  await banner.getByRole('button', { name: 'Overwrite' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await serverBody(request, author, post.id)).toBe('Shared start. My own addition.');
});

test('offline: the text is kept on the device and, after the tab crashed, restored from it', async ({ page, request }) => {
  const { author, post, body } = await openDraft(page, request);
  await page.route('**/api/posts/*', (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue()));
  await typeAtEnd(page, body, ' Written on a train.');
  await expect(page.getByTestId('save-state')).toHaveText('Offline — changes kept on this device', { timeout: 15_000 });
  await screenshot(page, 'editor-offline');

  // The tab crashes: no unload handler runs, so nothing but the device copy can keep the text. (A reload would
  // save it on the way out with a keepalive request, which page.route cannot hold back.)
  const devtools = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  devtools.send('Page.crash').catch(() => undefined); // never answers: the page is gone
  await crashed;
  expect(await serverBody(request, author, post.id)).toBe('Start.');

  const reopened = await page.context().newPage();
  await reopened.goto(`/admin/posts/${post.id}`);
  const offer = reopened.getByTestId('restore-offer');
  await expect(offer).toBeVisible();
  await expect(offer.getByTestId('diff-body')).toContainText('Start. Written on a train.');
  const reopenedBody = reopened.getByLabel('Body (Markdown)');
  await expect.poll(() => text(reopenedBody)).toBe('Start.');
  await expect(reopened.getByTestId('save-state')).toHaveText('Unsaved changes on this device');
  await screenshot(reopened, 'editor-restore-offer');

  await offer.getByRole('button', { name: 'Restore my changes' }).click();
  await expect.poll(() => text(reopenedBody)).toBe('Start. Written on a train.');
  await expect(reopened.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 });
  expect(await serverBody(request, author, post.id)).toBe('Start. Written on a train.');
});
