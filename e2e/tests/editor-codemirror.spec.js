// The body editor (CodeMirror 6) driven with the keyboard and the toolbar in Chromium: each formatting action and
// shortcut on a selection and on an empty cursor, list continuation, undo, search, that Tab leaves the editor, and
// images pasted or inserted with the toolbar's file chooser.
const { test, expect } = require('@playwright/test');
const { createPost, createStaff, loginAt, screenshot, unique } = require('./admin-helpers');

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The editor's text, line by line as CodeMirror renders it. */
async function text(body) {
  return body.locator('.cm-line').evaluateAll((lines) => lines.map((line) => line.textContent).join('\n'));
}

async function openDraft(page, request) {
  const author = await createStaff(request, 'AUTHOR');
  // A published post: nothing autosaves while the toolbar is exercised.
  const post = await createPost(request, author, { title: unique('Formatting'), body: '' }, { publish: true });
  await loginAt(page, author, `/admin/posts/${post.id}`);
  const body = page.getByLabel('Body (Markdown)');
  await expect(body).toHaveAttribute('contenteditable', 'true');
  return body;
}

async function clear(page, body) {
  await body.click();
  await page.keyboard.press(`${MOD}+A`);
  await page.keyboard.press('Delete');
  await expect.poll(() => text(body)).toBe('');
}

const toolbar = (page) => page.getByRole('toolbar', { name: 'Formatting' });

test('every toolbar action and shortcut formats a selection and an empty cursor', async ({ page, request }) => {
  const body = await openDraft(page, request);
  const cases = [
    { name: 'Bold', key: 'B', selected: '**word**', empty: '**X**' },
    { name: 'Italic', key: 'I', selected: '_word_', empty: '_X_' },
    { name: 'Link', key: 'K', selected: '[word](https://)', empty: '[X](https://)' },
    { name: 'Heading', selected: '## word', empty: '## X' },
    { name: 'Quote', selected: '> word', empty: '> X' },
    { name: 'Bulleted list', selected: '- word', empty: '- X' },
    { name: 'Numbered list', selected: '1. word', empty: '1. X' },
    { name: 'Code', selected: '`word`', empty: '`X`' },
    { name: 'Image by address', selected: '![word](https://)', empty: '![X](https://)' },
  ];
  for (const { name, key, selected, empty } of cases) {
    const ways = key ? ['toolbar', 'shortcut'] : ['toolbar'];
    for (const way of ways) {
      const apply = async () => {
        if (way === 'shortcut') await page.keyboard.press(`${MOD}+${key}`);
        else await toolbar(page).getByRole('button', { name, exact: true }).click();
      };
      await clear(page, body);
      await page.keyboard.type('word');
      await page.keyboard.press(`${MOD}+A`);
      await apply();
      await expect.poll(() => text(body), { message: `${name} (${way}) on a selection` }).toBe(selected);

      await clear(page, body);
      await apply();
      // The placeholder (or nothing, for line formats) is selected: typing replaces it.
      await page.keyboard.type('X');
      await expect.poll(() => text(body), { message: `${name} (${way}) on an empty cursor` }).toBe(empty);
    }
  }

  const preview = page.getByRole('region', { name: 'Preview' });
  await clear(page, body);
  await page.keyboard.type('## Title');
  await page.keyboard.press('Enter');
  await page.keyboard.type('**strong** and _soft_');
  await expect(preview.locator('h2')).toHaveText('Title');
  await expect(preview.locator('strong')).toHaveText('strong');
  await expect(preview.locator('em')).toHaveText('soft');
  await screenshot(page, 'editor-codemirror');
});

test('Enter continues a list, undo takes a change back, search opens, and Tab leaves the editor', async ({ page, request }) => {
  const body = await openDraft(page, request);
  await clear(page, body);
  await page.keyboard.type('- apples');
  await page.keyboard.press('Enter');
  await page.keyboard.type('pears');
  await page.keyboard.press('Enter');
  // Enter on the empty item ends the list (CodeMirror removes its marker); one more makes the blank line.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('After the list.');
  await expect.poll(() => text(body)).toBe('- apples\n- pears\n\nAfter the list.');
  await expect(page.getByRole('region', { name: 'Preview' }).locator('li')).toHaveCount(2);

  await page.keyboard.press(`${MOD}+A`);
  await page.keyboard.press(`${MOD}+B`);
  await expect.poll(() => text(body)).toContain('**- apples');
  await page.keyboard.press(`${MOD}+Z`);
  await expect.poll(() => text(body)).toBe('- apples\n- pears\n\nAfter the list.');

  await page.keyboard.press(`${MOD}+F`);
  const search = page.locator('.cm-search');
  await expect(search).toBeVisible();
  await page.keyboard.type('pears');
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);

  await body.click();
  await expect(body).toBeFocused();
  const outline = await page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(body).not.toBeFocused();
  await expect.poll(() => text(body)).toBe('- apples\n- pears\n\nAfter the list.');
  await page.keyboard.press('Shift+Tab');
  await expect(body).toBeFocused();
});

test('the modes switch between writing, side by side and preview, with the word count', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const body = await openDraft(page, request);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(page.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true');
  await expect(preview).toBeVisible();
  await clear(page, body);
  await page.keyboard.type('One two three **four**');
  await expect(page.getByTestId('body-stats')).toHaveText('4 words · 1 min read');

  await page.getByRole('button', { name: 'Write', exact: true }).click();
  await expect(preview).toHaveCount(0);
  await expect(body).toBeVisible();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(preview.locator('strong')).toHaveText('four');
  await expect(body).toBeHidden();
});

test('an image pasted into the body is uploaded and shows in the preview', async ({ page, request }) => {
  const body = await openDraft(page, request);
  await clear(page, body);
  await page.keyboard.type('A picture:');
  await page.keyboard.press('Enter');
  const transfer = await page.evaluateHandle(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const context = canvas.getContext('2d');
    context.fillStyle = '#16a34a';
    context.fillRect(0, 0, 320, 200);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'green-field.png', { type: 'image/png' }));
    return data;
  });
  await body.evaluate((content, data) => {
    content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, transfer);
  await expect.poll(() => text(body), { timeout: 30_000 }).toMatch(/^A picture:\n!\[green field\]\(\/media\/[^)]+\)\n/);
  await expect(page.getByRole('region', { name: 'Preview' }).locator('img[alt="green field"]')).toHaveAttribute('src', /\/media\//);
});

/** A PNG of one colour, drawn by the browser: a real image for the server to decode and resize. */
async function pngBytes(page, colour) {
  const base64 = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const context = canvas.getContext('2d');
    context.fillStyle = fill;
    context.fillRect(0, 0, 320, 200);
    return canvas.toDataURL('image/png').split(',')[1];
  }, colour);
  return Buffer.from(base64, 'base64');
}

test('"Insert image" in the toolbar uploads the chosen file at the cursor and shows it in the preview', async ({ page, request }) => {
  const body = await openDraft(page, request);
  await clear(page, body);
  await page.keyboard.type('Before the picture.');
  await page.keyboard.press('Enter');
  const chooser = page.getByLabel('Images to insert');
  await expect(chooser).toHaveAttribute('accept', 'image/jpeg,image/png,image/gif,image/webp');
  // The button opens the browser's file chooser (Playwright intercepts it), which is the labelled input.
  const [fileChooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    toolbar(page).getByRole('button', { name: 'Insert image', exact: true }).click(),
  ]);
  expect(fileChooser.isMultiple()).toBe(true);
  expect(await fileChooser.element().getAttribute('aria-label')).toBe('Images to insert');
  await chooser.setInputFiles({ name: 'blue-lake.png', mimeType: 'image/png', buffer: await pngBytes(page, '#2563eb') });
  await expect.poll(() => text(body), { timeout: 30_000 })
    .toMatch(/^Before the picture\.\n!\[blue lake\]\(\/media\/[^)]+\)\n/);
  await expect(page.getByRole('region', { name: 'Preview' }).locator('img[alt="blue lake"]')).toHaveAttribute('src', /\/media\//);
});
