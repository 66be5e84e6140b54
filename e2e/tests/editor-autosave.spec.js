// Autosave in Chromium against the real server: a draft saves itself and survives a reload; a conflict during
// autosave keeps both texts. (Offline and the restore from the device: post-editor-autosave.test.tsx.)
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
