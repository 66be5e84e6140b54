// The server goes away while an admin has the list open: the header says so, and once the server is back the
// list catches up with what changed meanwhile, without a reload. Runs its own instance of the app (not the
// shared one), so that it can stop and restart it.
const { test, expect } = require('@playwright/test');
const { AppProcess, START_TIMEOUT } = require('./app-process');
const { ADMIN, call, expectConnected, loginAt, row, unique, watchNavigation } = require('./admin-helpers');
const { login } = require('./staff');

const base = Number(process.env.E2E_PORT || 18085);
const app = new AppProcess({ name: 'e2e-restart', port: base + 1, kafkaPort: base + 2, controllerPort: base + 3 });

test.describe.configure({ timeout: 2 * START_TIMEOUT + 90_000 });
test.afterAll(() => app.kill());

test('after the server restarts, the list catches up with changes made while it was away, without a reload', async ({ playwright, browser }) => {
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  await app.fresh().start(api);
  let token = await login(api);
  const kept = await call(api, token, 'POST', '/api/posts', { title: unique('Kept'), body: 'Edited while away.' });
  const doomed = await call(api, token, 'POST', '/api/posts', { title: unique('Doomed'), body: 'Deleted while away.' });

  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await loginAt(page, ADMIN, '/admin/posts');
  await expect(row(page, kept.id)).toBeVisible();
  await expect(row(page, doomed.id)).toBeVisible();
  const sameDocument = await watchNavigation(page);
  const indicator = page.getByTestId('connection-status');

  await app.stop();
  await expect(indicator).toHaveAttribute('data-state', 'reconnecting');
  await expect(indicator).toContainText('Reconnecting');
  // Keep the page from reconnecting until the changes below are made, so it has to catch up on them.
  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-state', 'offline');

  await app.start(api);
  token = await login(api);
  await call(api, token, 'PUT', `/api/posts/${kept.id}`, { title: `${kept.title} (edited)`, body: 'Edited.' }, kept.version);
  await call(api, token, 'DELETE', `/api/posts/${doomed.id}`, undefined, doomed.version);
  let fresh = await call(api, token, 'POST', '/api/posts', { title: unique('Born while away'), body: 'New.' });
  fresh = await call(api, token, 'POST', `/api/posts/${fresh.id}/publish`, undefined, fresh.version);

  const frames = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(JSON.parse(String(frame.payload)))));
  await context.setOffline(false);
  await expectConnected(page);
  await expect(row(page, kept.id).getByTestId('post-title')).toHaveText(`${kept.title} (edited)`);
  await expect(row(page, doomed.id)).toHaveCount(0);
  await expect(row(page, fresh.id).getByTestId('status-badge')).toHaveAttribute('data-status', 'PUBLISHED');
  expect(await sameDocument()).toBe(true);
  // Caught up by resuming from its position: the missed events were replayed, not a reload of everything.
  expect(frames.filter((frame) => frame.type === 'resync')).toEqual([]);
  const replayed = frames.filter((frame) => frame.type === 'event').map((frame) => `${frame.event.type} ${frame.event.postId}`);
  expect(replayed).toEqual(expect.arrayContaining(
    [`blog-updated ${kept.id}`, `blog-deleted ${doomed.id}`, `blog-published ${fresh.id}`]));

  await context.close();
  await app.stop();
  await api.dispose();
});
