// A contributor's Markdown cannot dress itself up as the app: classes of the admin's or the site's style sheets,
// inline styles and ids are stripped by the server's sanitiser, so nothing from a post's body can leave the box it
// is shown in (the admin's preview, the public post's body) or cover the page.
const { test, expect } = require('@playwright/test');
const { ADMIN, createPost, createStaff, loginAt, unique } = require('./admin-helpers');

/** The reported payload: a full-window fake "session expired" notice, plus the public site's own live classes. */
const REDRESS = [
  '<code class="fixed inset-0 z-50 bg-white">Your session has expired. '
    + '<a href="https://evil.example/login">Sign in again</a></code>',
  '<div class="live-bar" id="live-bar">Spoofed live bar</div>',
  '<p class="live-notice" style="position:fixed;inset:0;z-index:99">Spoofed notice</p>',
  '<img src="/favicon.ico" width="9999" height="9999" alt="wide" style="position:fixed">',
  `Redress marker ${'x'.repeat(400)}`,
].join('\n\n');

/**
 * Every element inside `container` lies within its box (a pixel of rounding allowed), none is fixed or absolute,
 * and none carries a class other than a code block's language-….
 */
async function expectContained(container) {
  const report = await container.evaluate((box) => {
    const outer = box.getBoundingClientRect();
    const problems = [];
    for (const element of box.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (style.position === 'fixed' || style.position === 'absolute') problems.push(`${element.tagName} is ${style.position}`);
      if (rect.width > 0 && (rect.left < outer.left - 1 || rect.right > outer.right + 1 || rect.top < outer.top - 1)) {
        problems.push(`${element.tagName} at ${Math.round(rect.left)}..${Math.round(rect.right)} outside ${Math.round(outer.left)}..${Math.round(outer.right)}`);
      }
      if ([...element.classList].some((name) => !name.startsWith('language-'))) problems.push(`${element.tagName}.${element.className}`);
      if (element.id || element.hasAttribute('style')) problems.push(`${element.tagName} has id or style`);
    }
    return problems;
  });
  expect(report).toEqual([]);
}

test('the redress payload stays inside the admin preview and the public post body', async ({ page, request }) => {
  const contributor = await createStaff(request, 'CONTRIBUTOR');
  const draft = await createPost(request, contributor, { title: unique('Redress'), body: REDRESS });

  await loginAt(page, ADMIN, `/admin/posts/${draft.id}`);
  const preview = page.getByTestId('preview-html');
  await expect(preview).toContainText('Your session has expired.');
  await expectContained(preview);
  // The app's own controls are not covered: the Title field still takes the click.
  await page.getByLabel('Title').click();
  await expect(page.getByLabel('Title')).toBeFocused();

  const published = await createPost(request, null, { title: unique('Redress public'), body: REDRESS }, { publish: true });
  await page.goto(`/posts/${published.slug}`);
  const body = page.locator('article .post-body');
  await expect(body).toContainText('Spoofed live bar');
  await expectContained(body);
  await expect(page.locator('.live-bar, .live-notice')).toHaveCount(0);
  await expect(page.locator('#live-bar')).toHaveCount(0);
});
