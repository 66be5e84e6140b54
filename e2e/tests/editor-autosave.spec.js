// Autosave in Chromium against the real server: a draft saves itself and survives a reload; a conflict during
// autosave keeps both texts; offline the text is kept on the device, and after a reload the editor offers it back;
// leaving for another page of the app asks first when leaving would not save.
const { test, expect } = require('@playwright/test');
const { call, createPost, createStaff, loginAt, screenshot, tokenFor, unique } = require('./admin-helpers');
const { startCuttableProxy } = require('./cuttable-proxy');

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

test('offline: the text is kept on the device and, after a reload, restored from it', async ({ browser, request }) => {
  // This page reaches the server through a proxy the test can cut: offline as the network would be, for every
  // request the page makes (the browser itself is not told, as when a train enters a tunnel).
  const network = await startCuttableProxy();
  const context = await browser.newContext({ proxy: network.proxy });
  try {
    const page = await context.newPage();
    const { author, post, body } = await openDraft(page, request);
    network.cut();
    await typeAtEnd(page, body, ' Written on a train.');
    await expect(page.getByTestId('save-state')).toHaveText('Offline — changes kept on this device', { timeout: 15_000 });
    await screenshot(page, 'editor-offline');

    // Reloading asks first (the browser's own question); the writer goes on. The save the page tries on its way
    // out and the reload itself fail for want of a network: only the copy on this device has the text.
    const asked = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      return dialog.accept();
    });
    await page.reload().catch(() => undefined); // net::ERR_PROXY_CONNECTION_FAILED
    expect(asked).toEqual(['beforeunload']);
    expect(await serverBody(request, author, post.id)).toBe('Start.');

    network.restore();
    await page.goto(`/admin/posts/${post.id}`);
    const offer = page.getByTestId('restore-offer');
    await expect(offer).toBeVisible();
    await expect(offer.getByTestId('diff-body')).toContainText('Start. Written on a train.');
    await expect.poll(() => text(body)).toBe('Start.');
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes on this device');
    await screenshot(page, 'editor-restore-offer');

    await offer.getByRole('button', { name: 'Restore my changes' }).click();
    await expect.poll(() => text(body)).toBe('Start. Written on a train.');
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 });
    expect(await serverBody(request, author, post.id)).toBe('Start. Written on a train.');
  } finally {
    await context.close();
    await network.close();
  }
});

test('moving to another page with changes waiting for Update asks first; a draft saves on the way out instead', async ({ page, request }) => {
  const author = await createStaff(request, 'AUTHOR');
  const published = await createPost(request, author, { title: unique('Live'), body: 'Live text.' }, { publish: true });
  await loginAt(page, author, `/admin/posts/${published.id}`);
  const body = page.getByLabel('Body (Markdown)');
  await expect.poll(() => text(body)).toBe('Live text.');
  await typeAtEnd(page, body, ' A fix.');

  const posts = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Posts', exact: true });
  await posts.click();
  const question = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
  await expect(question).toBeVisible();
  await screenshot(page, 'editor-leave-question');
  await question.getByRole('button', { name: 'Stay' }).click();
  await expect(question).toBeHidden();
  expect(new URL(page.url()).pathname).toBe(`/admin/posts/${published.id}`);
  await expect.poll(() => text(body)).toBe('Live text. A fix.');

  await posts.click();
  await question.getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/\/admin\/posts$/);
  expect(await serverBody(request, author, published.id)).toBe('Live text.');

  // A draft: no question, and the text is on the server.
  const draft = await createPost(request, author, { title: unique('Draft'), body: 'Draft text.' });
  await page.goto(`/admin/posts/${draft.id}`);
  await expect.poll(() => text(body)).toBe('Draft text.');
  await typeAtEnd(page, body, ' More.');
  await posts.click();
  await expect(page).toHaveURL(/\/admin\/posts$/);
  await expect(question).toBeHidden();
  await expect.poll(() => serverBody(request, author, draft.id)).toBe('Draft text. More.');
});
