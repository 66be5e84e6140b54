// Cover images (issue #14): one chosen in the editor appears on the public post page with a srcset, the browser
// loads it, and the link-preview tags name it.
const zlib = require('zlib');
const { test, expect } = require('@playwright/test');
const { ADMIN, createPost, loginAt, screenshot, unique } = require('./admin-helpers');
const { login } = require('./staff');

/** A real PNG made here: the left half red, the right half blue. */
function png(width, height) {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) { row.set(x < width / 2 ? [220, 30, 30] : [30, 30, 220], 1 + x * 3); }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type, data) => {
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0); header.writeUInt32BE(height, 4); header[8] = 8; header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

test('a post\'s cover image is on the public page with a srcset, and in og:image and the large Twitter card', async ({ page, request }) => {
  const token = await login(request);
  const uploaded = await request.post('/api/media', {
    headers: { Authorization: `Bearer ${token}` },
    multipart: { file: { name: 'cover.png', mimeType: 'image/png', buffer: png(1800, 900) }, alt: 'A flag' },
  });
  expect(uploaded.status()).toBe(201);
  const image = await uploaded.json();
  const title = unique('With a cover');
  const post = await createPost(request, null,
    { title, body: 'Text below the cover.', featureImage: { mediaId: image.id, alt: 'A red and blue flag' } },
    { publish: true });

  await page.goto(`/posts/${post.slug}`);
  const cover = page.locator('article header img.post-cover');
  await expect(cover).toHaveAttribute('alt', 'A red and blue flag');
  await expect(cover).toHaveAttribute('srcset', /320w.*640w.*1024w.*1600w.*1800w/);
  await expect(cover).toHaveAttribute('width', '1800');
  expect(await cover.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/media\/.+\/1024\.png$/);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1024');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await screenshot(page, 'post-with-cover');
});

test('a cover uploaded in the editor appears on the public post page with its srcset', async ({ page, request }) => {
  const title = unique('Cover from the editor');
  const post = await createPost(request, null, { title, body: 'Words.' }, { publish: true });
  await loginAt(page, ADMIN, `/admin/posts/${post.id}`);

  await page.getByLabel('Upload a cover').setInputFiles({ name: 'flag.png', mimeType: 'image/png', buffer: png(1300, 650) });
  await expect(page.getByText('Add alt text before publishing.')).toBeVisible();
  await page.getByLabel('Cover alt text').fill('Red and blue');
  await page.getByRole('button', { name: 'Update', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await screenshot(page, 'editor-cover');

  await page.goto(`/posts/${post.slug}`);
  const cover = page.locator('article header img.post-cover');
  await expect(cover).toHaveAttribute('alt', 'Red and blue');
  await expect(cover).toHaveAttribute('srcset', /320w.*640w.*1024w.*1300w/);
  expect(await cover.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
});
