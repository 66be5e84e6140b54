// The admin's Media page in a real browser against the real server: an upload with its progress bar, alt text
// edited, a second admin's page following every change live (no reload), the delete; and an axe check.
const crypto = require('crypto');
const zlib = require('zlib');
const { test, expect } = require('@playwright/test');
const { AxeBuilder } = require('@axe-core/playwright');
const { ADMIN, call, createPost, createStaff, loginAt, screenshot, tokenFor, unique, watchNavigation } = require('./admin-helpers');
const { login } = require('./staff');

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([length, Buffer.from(type), data, crc]);
}

/**
 * A real PNG of noise (8-bit RGB, no compression to speak of), made here so no binary fixture is committed: big
 * enough (about 2.4 MB at 1000 × 800) that the upload and the server's processing take a visible moment.
 */
function noisePng(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter, no interlace
  const rows = [];
  for (let y = 0; y < height; y += 1) rows.push(Buffer.from([0]), crypto.randomBytes(width * 3));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Records every aria-valuenow a progress bar takes on the page, from now on. */
async function recordProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) window.__progress.push(Number(bar.getAttribute('aria-valuenow')));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

/** An image uploaded over the API by this user (set-up, not the behaviour under test). */
async function uploadOverApi(request, user, name) {
  const token = user ? await tokenFor(request, user) : await login(request);
  const response = await request.post('/api/media', { headers: { Authorization: `Bearer ${token}` },
    multipart: { file: { name, mimeType: 'image/png', buffer: noisePng(700, 500) } } });
  expect(response.status()).toBe(201);
  return response.json();
}

/** How many images the library holds, as the API says. */
async function libraryCount(request) {
  return (await call(request, await login(request), 'GET', '/api/media?size=1')).totalItems;
}

/** Waits until the page shows the library, with this many images. */
async function expectListed(page, count) {
  const text = count === 0 ? 'No images yet. Upload the first one above.' : `${count} ${count === 1 ? 'image' : 'images'}`;
  await expect(page.getByText(text, { exact: true })).toBeVisible();
}

async function expectNoSeriousViolations(page, where) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
  expect(results.passes.length, `axe checks that passed on ${where}`).toBeGreaterThan(10);
}

test('an upload shows its progress, and a second admin sees it, its alt text and its delete without a reload', async ({ browser, request }) => {
  const editor = await createStaff(request, 'EDITOR');
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await loginAt(a, ADMIN, '/admin/media');
  await loginAt(b, editor, '/admin/media');
  const stillSameDocument = await watchNavigation(b);

  const name = `${unique('upload').replace(/\W+/g, '-')}.png`;
  await recordProgress(a);
  await a.getByLabel('Choose images…').setInputFiles({ name, mimeType: 'image/png', buffer: noisePng(1000, 800) });
  const upload = a.getByTestId('upload-row').filter({ hasText: name });
  await expect(a.getByRole('progressbar', { name: `Uploading ${name}` })).toBeVisible();
  await expect(upload).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const progress = await a.evaluate(() => window.__progress);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.at(-1)).toBe(100);

  const cardA = a.getByTestId('media-card').first();
  const id = await cardA.getAttribute('data-media-id');
  await expect(cardA.locator('img')).toHaveAttribute('src', `/media/${id}/320.png`);

  // B, another browser and another account: the new image appears on its own.
  const cardB = b.locator(`[data-testid="media-card"][data-media-id="${id}"]`);
  await expect(cardB).toBeVisible({ timeout: 2_000 });
  const thumb = cardB.locator('img');
  await expect(thumb).toHaveAttribute('width', '320');
  await expect(thumb).toHaveAttribute('height', '256');
  await expect(thumb).toHaveAttribute('loading', 'lazy');
  await expect.poll(() => thumb.evaluate((img) => img.complete && img.naturalWidth)).toBe(320);

  await cardA.getByRole('button', { name: /^Edit alt text/ }).click();
  await cardA.getByLabel('Alt text').fill('Grey noise, for a test');
  await cardA.getByRole('button', { name: 'Save' }).click();
  await expect(cardA.getByTestId('media-alt')).toHaveText('Grey noise, for a test');
  await expect(cardB.getByTestId('media-alt')).toHaveText('Grey noise, for a test', { timeout: 2_000 });
  await expect(cardB.getByRole('img', { name: 'Grey noise, for a test' })).toBeVisible();
  await screenshot(b, 'media-page');

  await cardA.getByRole('button', { name: "Delete 'Grey noise, for a test'" }).click();
  const dialog = a.getByRole('dialog', { name: 'Delete this image?' });
  await expect(dialog).toContainText('No post uses it');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(a.locator(`[data-media-id="${id}"]`)).toHaveCount(0);
  await expect(cardB).toHaveCount(0, { timeout: 2_000 });
  expect(await stillSameDocument()).toBe(true);
  expect((await request.get(`/media/${id}/320.png`)).status()).toBe(404);
});

test('a PNG drawn on a canvas and dropped beside the upload panel is uploaded', async ({ page }) => {
  await loginAt(page, ADMIN, '/admin/media');
  const transfer = await page.evaluateHandle(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d');
    context.fillStyle = '#3b82f6';
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#f59e0b';
    context.fillRect(160, 120, 320, 240);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'dropped-canvas.png', { type: 'image/png' }));
    return data;
  });
  await page.getByRole('heading', { name: 'Media' }).dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByRole('heading', { name: 'Media' }).dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('upload-row').filter({ hasText: 'dropped-canvas.png' })).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(page.url()).toMatch(/\/admin\/media$/);
  const card = page.getByTestId('media-card').first();
  await expect(card).toContainText('640 × 480');
  await expect(card.locator('img')).toHaveAttribute('src', /\/320\.png$/);
});

test('deleting an image a post uses lists the post; an author is sent to the post, an admin may delete it anyway', async ({ browser, request }) => {
  const author = await createStaff(request, 'AUTHOR');
  const media = await uploadOverApi(request, author, 'used.png');
  const post = await createPost(request, author, { title: unique('Uses the image'), excerpt: 'x',
    body: `Look: ![Noise](${media.url})` });

  const authorPage = await (await browser.newContext()).newPage();
  await loginAt(authorPage, author, '/admin/media');
  const authorCard = authorPage.locator(`[data-testid="media-card"][data-media-id="${media.id}"]`);
  await expect(authorCard).toContainText('Used by 1 post');
  await authorCard.getByRole('button', { name: /^Delete/ }).click();
  let dialog = authorPage.getByRole('dialog', { name: 'Delete this image?' });
  await expect(dialog.getByRole('link', { name: post.title })).toHaveAttribute('href', `/admin/posts/${post.id}`);
  await expect(dialog).toContainText('only an admin or editor can delete an image in use');
  await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();

  const adminPage = await (await browser.newContext()).newPage();
  await loginAt(adminPage, ADMIN, '/admin/media');
  await adminPage.locator(`[data-testid="media-card"][data-media-id="${media.id}"]`).getByRole('button', { name: /^Delete/ }).click();
  dialog = adminPage.getByRole('dialog', { name: 'Delete this image?' });
  await expect(dialog.getByRole('link', { name: post.title })).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(adminPage.locator(`[data-media-id="${media.id}"]`)).toHaveCount(0);
  // The author's page follows the delete live; the API knows the image no more.
  await expect(authorCard).toHaveCount(0, { timeout: 2_000 });
  expect((await request.get(`/api/media/${media.id}`, { headers: { Authorization: `Bearer ${await login(request)}` } })).status()).toBe(404);
});

test('a refused file gets its reason under its name, and nothing joins the library', async ({ page, request }) => {
  await loginAt(page, ADMIN, '/admin/media');
  const before = await libraryCount(request);
  await expectListed(page, before);
  await page.getByLabel('Choose images…').setInputFiles({ name: 'not-an-image.png', mimeType: 'image/png',
    buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  const row = page.getByTestId('upload-row').filter({ hasText: 'not-an-image.png' });
  await expect(row).toHaveAttribute('data-status', 'failed');
  await expect(row.getByRole('alert')).toContainText('Upload a JPEG, PNG, GIF or WebP image');
  await expect(page.getByTestId('media-card')).toHaveCount(before);
  expect(await libraryCount(request)).toBe(before);
});

test('a file over the size limit is refused with the limit in words', async ({ page, request }) => {
  await loginAt(page, ADMIN, '/admin/media');
  const before = await libraryCount(request);
  await expectListed(page, before);
  await page.getByLabel('Choose images…').setInputFiles({ name: 'too-big.png', mimeType: 'image/png', buffer: noisePng(2000, 1900) });
  const row = page.getByTestId('upload-row').filter({ hasText: 'too-big.png' });
  await expect(row).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(row.getByRole('alert')).toContainText('images of at most 10 MB are accepted');
  await expect(page.getByTestId('media-card')).toHaveCount(before);
  expect(await libraryCount(request)).toBe(before);
});

test('the Media page, with an image, has no serious accessibility violations', async ({ page }) => {
  await loginAt(page, ADMIN, '/admin/media');
  await page.getByLabel('Choose images…').setInputFiles({ name: 'a11y.png', mimeType: 'image/png', buffer: noisePng(400, 300) });
  await expect(page.getByTestId('upload-row').filter({ hasText: 'a11y.png' })).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('media-card').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the Media page');
  await page.getByTestId('media-card').first().getByRole('button', { name: /^Delete/ }).click();
  await expectNoSeriousViolations(page, 'the delete dialog of the Media page');
});
