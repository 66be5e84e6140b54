// A reader keeps pages open while staff publish, edit and unpublish: the pages follow without a reload.
const { test, expect } = require('@playwright/test');
const { login, call } = require('./staff');

async function openLive(page, url) {
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => document.body.dataset.liveReady)).toBe('true');
  // Marks this document: if the page navigated or reloaded, the mark would be gone.
  await page.evaluate(() => { window.__sameDocument = true; });
}

test('a reader sees a new post, its edits in place, and its unpublication, without reloading', async ({ page, request }) => {
  const token = await login(request);
  const title = `Live ${Date.now()}`;

  await openLive(page, '/');
  let post = await call(request, token, 'POST', '/api/posts', { title, excerpt: 'Fresh', body: 'First words.' });
  post = await call(request, token, 'POST', `/api/posts/${post.id}/publish`, undefined, post.version);

  const bar = page.getByRole('button', { name: '1 new post' });
  await expect(bar).toBeVisible({ timeout: 2_000 });
  await bar.click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(bar).toBeHidden();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

  await openLive(page, `/posts/${post.slug}`);
  post = await call(request, token, 'PUT', `/api/posts/${post.id}`,
    { title: `${title} (edited)`, excerpt: 'Fresh', body: 'Second words, edited live.' }, post.version);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (edited)`, { timeout: 2_000 });
  await expect(page.locator('.post-body')).toContainText('Second words, edited live.');

  await call(request, token, 'POST', `/api/posts/${post.id}/unpublish`, undefined, post.version);
  await expect(page.getByRole('alert')).toContainText('unpublished', { timeout: 2_000 });
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('drafts never reach a reader', async ({ page, request }) => {
  const token = await login(request);
  const frames = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await openLive(page, '/');
  const secret = `Secret draft ${Date.now()}`;
  const draft = await call(request, token, 'POST', '/api/posts', { title: secret, body: 'hidden' });
  // A published post after the draft: once it arrives, the draft's event would have arrived too.
  let marker = await call(request, token, 'POST', '/api/posts', { title: `Marker ${Date.now()}` });
  marker = await call(request, token, 'POST', `/api/posts/${marker.id}/publish`, undefined, marker.version);
  await expect.poll(() => frames.some((f) => f.includes(marker.id))).toBe(true);
  expect(frames.filter((f) => f.includes(secret) || f.includes(draft.id))).toEqual([]);
  await expect(page.locator('body')).not.toContainText(secret);
});
