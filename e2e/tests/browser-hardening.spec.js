// The admin app, Swagger UI and the public site work under their Content-Security-Policy (no violation is
// reported, the live sockets connect), and a remote image in the admin preview is not requested before the editor
// asks for it.
const { test, expect } = require('@playwright/test');
const { ADMIN, createPost, loginAt, unique } = require('./admin-helpers');

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64');

/** Collects every CSP violation the page reports (console errors and securitypolicyviolation events). */
function cspViolations(page) {
  const violations = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => { if (/Content Security Policy/i.test(error.message)) violations.push(error.message); });
  return violations;
}

test('the admin preview requests a remote image only after "Load remote images", under the admin CSP', async ({ page, request }) => {
  const violations = cspViolations(page);
  const tracked = [];
  await page.route('https://tracker.e2e.test/**', (route) => {
    tracked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
  });
  const post = await createPost(request, null, { title: unique('Pixel'), body: 'Hello ![who reads](https://tracker.e2e.test/pixel.png)' });

  await loginAt(page, ADMIN, `/admin/posts/${post.id}`);
  const response = await page.request.get('/admin');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self';");
  const preview = page.getByRole('region', { name: 'Preview' });
  const load = preview.getByRole('button', { name: 'Load remote images' });
  await expect(load).toBeVisible();
  await expect(preview.locator('img[data-remote-src]')).toHaveCount(1);
  expect(tracked).toEqual([]);

  await load.click();
  await expect(preview.locator('img[alt="who reads"]')).toHaveAttribute('src', 'https://tracker.e2e.test/pixel.png');
  await expect.poll(() => tracked.length).toBe(1);
  await expect.poll(() => preview.locator('img[alt="who reads"]').evaluate((img) => img.naturalWidth)).toBe(1);
  expect(violations).toEqual([]);
});

test('Swagger UI renders the API under its CSP', async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto('/swagger-ui/index.html');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  // The first request for the API document builds it: allow a slow machine some time.
  await expect(page.locator('.opblock').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Realtime Blog API').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('the public site runs its live script under the site CSP', async ({ page, request }) => {
  const violations = cspViolations(page);
  const post = await createPost(request, null, { title: unique('Hardened'), body: 'Text' }, { publish: true });
  const response = await page.goto(`/posts/${post.slug}`);
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self';");
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  await expect.poll(() => page.evaluate(() => document.body.dataset.liveReady)).toBe('true');
  expect(violations).toEqual([]);
});
