// What a role may not do is neither offered in the admin app nor allowed by the API; what an author writes cannot
// run script in a colleague's browser.
const { test, expect } = require('@playwright/test');
const { ADMIN, createPost, createStaff, loginAt, row, tokenFor, unique } = require('./admin-helpers');

test('a contributor is offered no publish control, and the API refuses their publish with a 403 problem', async ({ page, request }) => {
  const contributor = await createStaff(request, 'CONTRIBUTOR');
  const post = await createPost(request, contributor, { title: unique('Contributed'), body: 'My draft.' });

  await loginAt(page, contributor, `/admin/posts/${post.id}`);
  await expect(page.getByLabel('Title')).toHaveValue(post.title);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  for (const name of ['Publish', 'Unpublish', 'Delete']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await page.goto('/admin/posts/new');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

  const token = await tokenFor(request, contributor);
  const response = await request.post(`/api/posts/${post.id}/publish`, {
    headers: { Authorization: `Bearer ${token}`, 'If-Match': `"${post.version}"` },
  });
  expect(response.status()).toBe(403);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  expect(await response.json()).toMatchObject({ status: 403, type: '/problems/forbidden' });
});

test('script and event-handler attacks in a post render inert in the list and the preview', async ({ page, request }) => {
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  const title = `<img src=x onerror="window.__pwned='title';alert('title')"> ${unique('Attack')}`;
  const body = [
    '<script>window.__pwned = "script"; alert("script")</script>',
    '<img src=x onerror="window.__pwned = \'img\'; alert(\'img\')">',
    '[click me](javascript:window.__pwned=\'link\';alert(\'link\'))',
    '<a href="javascript:alert(\'raw\')" onclick="window.__pwned=\'onclick\'">raw link</a>',
    'Safe marker paragraph.',
  ].join('\n\n');
  const post = await createPost(request, null, { title, excerpt: '<script>window.__pwned="excerpt"</script>', body }, { publish: true });

  await loginAt(page, ADMIN, '/admin/posts');
  const listed = row(page, post.id);
  await expect(listed.getByTestId('post-title')).toHaveText(title);
  await expect(listed.locator('img, script')).toHaveCount(0);

  await listed.getByTestId('post-title').click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Safe marker paragraph.');
  await expectInert(preview);
  await preview.getByText('click me').click();
  await preview.getByText('raw link').click();

  // Typed live: the debounced preview renders the new text through the server's sanitiser too.
  await page.getByLabel('Body (Markdown)').fill(`${body}\n\n<svg onload="window.__pwned='svg'"></svg> Second marker.`);
  await expect(preview).toContainText('Second marker.');
  await expectInert(preview);

  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

async function expectInert(preview) {
  await expect(preview.locator('script, iframe, object, embed')).toHaveCount(0);
  await expect(preview.locator('[onerror], [onclick], [onload]')).toHaveCount(0);
  await expect(preview.locator('a[href^="javascript:" i]')).toHaveCount(0);
  const html = await preview.innerHTML();
  expect(html).not.toMatch(/<script|onerror|onclick|onload|javascript:/i);
}
