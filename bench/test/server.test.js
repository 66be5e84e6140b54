import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { jvmOptions, metricsSource, scrape } from '../src/server.js';

const SCRAPE = [
  'jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 100.0',
  'jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 23.0',
  'blog_realtime_sessions{audience="staff"} 7.0',
  'blog_realtime_delivered_total{audience="staff"} 40.0',
].join('\n');

/** A stand-in for the app's metrics endpoint that accepts only the given bearer token (null: no token). */
async function metricsServer(accepted) {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers.authorization ?? null);
    const ok = req.url === '/actuator/prometheus'
      && (accepted === null || req.headers.authorization === `Bearer ${accepted()}`);
    res.writeHead(ok ? 200 : 401, { 'content-type': 'text/plain' }).end(ok ? SCRAPE : '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, seen, close: () => server.close() };
}

test('on the main port the scrape carries the admin token and logs in again after a 401', async () => {
  let current = 'first';
  const app = await metricsServer(() => current);
  let logins = 0;
  const source = metricsSource({ url: app.url, metricsUrl: '', login: async () => `${++logins === 1 ? 'first' : 'second'}` });
  try {
    assert.equal((await scrape(source)).heapUsed, 123);
    current = 'second'; // the first token expired
    const figures = await scrape(source);
    assert.equal(figures.sessionsStaff, 7);
    assert.equal(logins, 2);
    assert.deepEqual(app.seen, ['Bearer first', 'Bearer first', 'Bearer second']);
  } finally {
    app.close();
  }
});

test('on a management port the scrape needs no token and never logs in', async () => {
  const management = await metricsServer(null);
  const source = metricsSource({ url: 'http://127.0.0.1:1', metricsUrl: `${management.url}/`,
    login: async () => assert.fail('no login on the management port') });
  try {
    assert.equal((await scrape(source)).delivered, 40);
    assert.deepEqual(management.seen, [null]);
  } finally {
    management.close();
  }
});

test('a refused scrape is an error, not zeros', async () => {
  const app = await metricsServer(() => 'never');
  const source = metricsSource({ url: app.url, metricsUrl: '', login: async () => 'wrong' });
  try {
    await assert.rejects(scrape(source), /answered 401/);
  } finally {
    app.close();
  }
});

test('--jvm options reach the started server one by one', () => {
  assert.deepEqual(jvmOptions(' -XX:TieredStopAtLevel=1  -Xss512k '), ['-XX:TieredStopAtLevel=1', '-Xss512k']);
  assert.deepEqual(jvmOptions(''), []);
  assert.deepEqual(jvmOptions(undefined), []);
});
