// Automated accessibility checks (axe-core, WCAG 2.x A and AA rules) on the admin's login, posts list and editor,
// and on the public home, post, tag, author and not-found pages in both colour schemes: no serious or critical
// violation. (The admin's media page comes with the images issue, #14, and is checked there.)
const { test, expect } = require('@playwright/test');
const { AxeBuilder } = require('@axe-core/playwright');
const { ADMIN, createPost, loginAt, unique } = require('./admin-helpers');

const BODY = `Some text with a [link](https://example.com/) and \`code\`.

## A section

- a list
- of things

> A quotation.

| a | b |
|---|--:|
| 1 | 2 |

\`\`\`js
// a comment
const answer = { value: 42, text: "forty-two" };
\`\`\`
`;

/** Runs axe on the page as it is and fails with a readable list of every serious or critical violation. */
async function expectNoSeriousViolations(page, where) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at `
      + violation.nodes.map((node) => node.target.join(' ')).join(', '));
  expect(serious, `axe on ${where}`).toEqual([]);
  // It really looked: a page it could not read would pass with nothing checked.
  expect(results.passes.length, `axe checks that passed on ${where}`).toBeGreaterThan(10);
}

test('the admin login, posts list and editor have no serious accessibility violations', async ({ page, request }) => {
  const post = await createPost(request, null, { title: unique('Accessible draft'), excerpt: 'Checked', body: BODY });

  await page.goto('/admin/posts');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the login page');

  await loginAt(page, ADMIN, '/admin/posts');
  await expect(page.getByRole('link', { name: post.title })).toBeVisible();
  await expectNoSeriousViolations(page, 'the posts list');

  await page.goto(`/admin/posts/${post.id}`);
  await expect(page.getByTestId('preview-html').locator('pre .tok-keyword').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the editor of a draft');

  await page.goto('/admin/posts/new');
  await expect(page.getByLabel('Title')).toBeVisible();
  await expectNoSeriousViolations(page, 'the editor of a new post');

  // A writer whose system is dark sees the preview in the readers' dark scheme: still readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/admin/posts/${post.id}`);
  await expect(page.getByTestId('preview-html').locator('pre .tok-keyword').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the editor of a draft (dark)');
});

for (const colorScheme of ['light', 'dark']) {
  test(`the public pages have no serious accessibility violations (${colorScheme})`, async ({ page, request }) => {
    const tag = `a11y${Date.now().toString(36)}`;
    const post = await createPost(request, null,
      { title: unique('Accessible post'), excerpt: 'An excerpt', body: BODY, tags: [tag] }, { publish: true });
    await page.emulateMedia({ colorScheme });

    const pages = [['/', 'home'], [`/posts/${post.slug}`, 'a post'], [`/tags/${tag}`, 'a tag'],
      [`/authors/${post.author.id}`, 'an author'], ['/no-such-page', 'not found']];
    for (const [url, name] of pages) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, `the public ${name} page (${colorScheme})`);
    }
  });
}
