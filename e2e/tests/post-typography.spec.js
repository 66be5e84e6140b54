// Post typography: the admin's preview shows a body exactly as the public post page does (one style sheet,
// /site/post-content.css), code is coloured by the server, the public pages work in light and dark colour schemes
// (screenshots kept as test artefacts), fit a 320 px wide screen, ask nothing of other hosts and do not shift.
const { test, expect } = require('@playwright/test');
const { ADMIN, createPost, loginAt, unique } = require('./admin-helpers');

const LONG_WORD = 'Unbreakable'.repeat(30);
const BODY = `A first paragraph with **bold**, *emphasis*, \`inline code\` and a [link](https://example.com/).

# Heading one

## Heading two

### Heading three

- one
- two
  - nested

1. first
2. second

> A quotation that runs on for a while.

| Column | Number |
|:--|--:|
| alpha | 1 |

\`\`\`java
// greet the reader
public class Hello { String s = "hi"; int n = 42; }
\`\`\`

---

${LONG_WORD}

\`\`\`
${'a very long line of plain code that must scroll inside its block '.repeat(6)}
\`\`\`
`;

/** Computed styles of the body's elements that the style sheet sets, keyed by a selector inside `box`. */
async function typography(box) {
  return box.evaluate((root) => {
    const pick = (selector) => {
      const element = root.querySelector(selector);
      if (!element) return null;
      const style = getComputedStyle(element);
      return {
        fontSize: style.fontSize, fontWeight: style.fontWeight, fontFamily: style.fontFamily, fontStyle: style.fontStyle,
        lineHeight: style.lineHeight, color: style.color, backgroundColor: style.backgroundColor,
        marginTop: style.marginTop, marginBottom: style.marginBottom, paddingLeft: style.paddingLeft,
        listStyleType: style.listStyleType, borderLeftWidth: style.borderLeftWidth, textAlign: style.textAlign,
      };
    };
    const selectors = ['p', 'h1', 'h2', 'h3', 'ul', 'ul ul', 'ol', 'li', 'blockquote', 'table', 'th', 'td[align="right"]',
      'hr', 'p code', 'pre', 'pre .tok-keyword', 'pre .tok-string', 'pre .tok-number', 'pre .tok-comment', 'a'];
    return Object.fromEntries(selectors.map((selector) => [selector, pick(selector)]));
  });
}

const px = (value) => Number.parseFloat(value);

test('the preview uses the public post style sheet: larger headings, lists, coloured code, as on the post page', async ({ page, request }, testInfo) => {
  const title = unique('Typography');
  const draft = await createPost(request, null, { title, body: BODY });

  await loginAt(page, ADMIN, `/admin/posts/${draft.id}`);
  const preview = page.getByTestId('preview-html');
  await expect(preview.locator('pre .tok-keyword').first()).toBeVisible();
  await expect(page.locator('head link[rel="stylesheet"][href="/site/post-content.css"]')).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => [...document.styleSheets]
    .some((sheet) => sheet.href && new URL(sheet.href).pathname === '/site/post-content.css' && sheet.cssRules.length > 0)))
    .toBe(true);
  // Tailwind's reset leaves every h1 at body size; the style sheet must win over it.
  await expect.poll(async () => px((await typography(preview)).h1.fontSize)).toBeGreaterThan(px((await typography(preview)).p.fontSize));
  const inAdmin = await typography(preview);
  const shot = testInfo.outputPath('admin-preview.png');
  await page.getByRole('region', { name: 'Preview' }).screenshot({ path: shot });
  await testInfo.attach('admin preview', { path: shot, contentType: 'image/png' });

  expect(px(inAdmin.h1.fontSize)).toBeGreaterThan(px(inAdmin.h2.fontSize));
  expect(px(inAdmin.h2.fontSize)).toBeGreaterThan(px(inAdmin.h3.fontSize));
  expect(px(inAdmin.h3.fontSize)).toBeGreaterThan(px(inAdmin.p.fontSize));
  expect(inAdmin.ul.listStyleType).toBe('disc');
  expect(inAdmin['ul ul'].listStyleType).toBe('circle');
  expect(inAdmin.ol.listStyleType).toBe('decimal');
  expect(px(inAdmin.blockquote.borderLeftWidth)).toBeGreaterThan(0);
  expect(inAdmin['td[align="right"]'].textAlign).toMatch(/right$/);
  // Highlighted: keywords, strings and numbers each have a colour of their own, comments are italic.
  const base = inAdmin.pre.color;
  for (const token of ['pre .tok-keyword', 'pre .tok-string', 'pre .tok-number', 'pre .tok-comment']) {
    expect(inAdmin[token], token).not.toBeNull();
    expect(inAdmin[token].color, token).not.toBe(base);
  }
  expect(inAdmin['pre .tok-comment'].fontStyle).toBe('italic');
  expect((await preview.locator('pre .tok-keyword').allTextContents()).join(' ')).toMatch(/public\s+class/);

  const post = await createPost(request, null, { title: unique('Typography public'), body: BODY }, { publish: true });
  await page.goto(`/posts/${post.slug}`);
  const onSite = await typography(page.locator('article .post-content'));
  expect(onSite).toEqual(inAdmin);
});

for (const colorScheme of ['light', 'dark']) {
  test(`the public post page in the ${colorScheme} colour scheme (screenshot kept)`, async ({ page, request }, testInfo) => {
    const post = await createPost(request, null, { title: unique(`Colours ${colorScheme}`), excerpt: 'Both schemes', body: BODY, tags: ['typography'] }, { publish: true });
    await page.emulateMedia({ colorScheme });
    await page.goto(`/posts/${post.slug}`);
    await expect(page.locator('article .post-content pre .tok-keyword').first()).toBeVisible();

    const colours = await page.evaluate(() => {
      const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      const body = getComputedStyle(document.body);
      const code = getComputedStyle(document.querySelector('.post-content pre'));
      return { background: luminance(body.backgroundColor), text: luminance(body.color), code: luminance(code.backgroundColor) };
    });
    if (colorScheme === 'dark') {
      expect(colours.background).toBeLessThan(0.2);
      expect(colours.text).toBeGreaterThan(0.8);
      expect(colours.code).toBeLessThan(0.2);
    } else {
      expect(colours.background).toBeGreaterThan(0.9);
      expect(colours.text).toBeLessThan(0.2);
      expect(colours.code).toBeGreaterThan(0.9);
    }
    const file = testInfo.outputPath(`post-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`post page, ${colorScheme}`, { path: file, contentType: 'image/png' });
    await page.goto('/');
    const home = testInfo.outputPath(`home-${colorScheme}.png`);
    await page.screenshot({ path: home, fullPage: true });
    await testInfo.attach(`home page, ${colorScheme}`, { path: home, contentType: 'image/png' });
  });
}

test('every public page fits a 320 px wide screen without horizontal scrolling', async ({ page, request }, testInfo) => {
  // A tag as long as one word can be: the tag page's heading quotes it.
  const tag = `narrowtagwithoutanyspaces${Date.now().toString(36)}`;
  const post = await createPost(request, null, {
    title: `${unique('Narrow')} ${LONG_WORD.slice(0, 200)}`, excerpt: LONG_WORD, body: BODY, tags: [tag],
  }, { publish: true });
  await page.setViewportSize({ width: 320, height: 640 });
  for (const url of ['/', `/posts/${post.slug}`, `/tags/${tag}`, `/authors/${post.author.id}`, '/no-such-page']) {
    await page.goto(url);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `${url} scrolls sideways`).toBeLessThanOrEqual(widths.client);
  }
  await page.goto(`/posts/${post.slug}`);
  const file = testInfo.outputPath('post-320px.png');
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach('post page at 320 px', { path: file, contentType: 'image/png' });
});

test('public pages request nothing from other hosts and do not shift while loading', async ({ page, request }) => {
  const post = await createPost(request, null, { title: unique('Steady'), excerpt: 'Still', body: BODY }, { publish: true });
  const requested = [];
  page.on('request', (sent) => requested.push(sent.url()));
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const url of ['/', `/posts/${post.slug}`]) {
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => document.body.dataset.liveReady)).toBe('true');
    expect(await page.evaluate(() => window.__shift), `layout shift on ${url}`).toBeLessThan(0.01);
  }
  const origin = new URL(page.url()).origin;
  expect(requested.length).toBeGreaterThan(2);
  expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
});

test('printed, a post is black on white without the site navigation, and outside links show their address', async ({ page, request }, testInfo) => {
  const post = await createPost(request, null, { title: unique('Printed'), body: BODY }, { publish: true });
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await page.goto(`/posts/${post.slug}`);
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  const printed = await page.evaluate(() => {
    const content = document.querySelector('.post-content');
    return {
      text: getComputedStyle(content).color,
      background: getComputedStyle(document.body).backgroundColor,
      after: getComputedStyle(content.querySelector('a[href^="https://example.com"]'), '::after').content,
      pre: getComputedStyle(content.querySelector('pre')).whiteSpace,
    };
  });
  expect(printed).toEqual({ text: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)',
    after: '" (https://example.com/)"', pre: 'pre-wrap' });
  const file = testInfo.outputPath('post-print.png');
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach('post page, printed', { path: file, contentType: 'image/png' });
});
