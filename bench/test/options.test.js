import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignClients, parseOptions, PRESETS, warmupSeconds, workerCount, writing } from '../src/options.js';

test('a preset gives its sockets, rate and posts', () => {
  const o = parseOptions(['--preset', 'wide']);
  assert.equal(o.preset, 'wide');
  assert.equal(o.staff, 1000);
  assert.equal(o.public, 9000);
  assert.equal(o.rate, 10);
  assert.equal(o.published, true);
});

test('every preset named in the issue exists and smoke is the default', () => {
  assert.deepEqual(Object.keys(PRESETS).sort(), ['fanout', 'fanout-uploads', 'smoke', 'sockets', 'uploads', 'wide', 'writes']);
  assert.equal(parseOptions([]).preset, 'smoke');
  assert.equal(PRESETS.fanout.staff * PRESETS.fanout.rate, 50_000);
  assert.equal((PRESETS.wide.staff + PRESETS.wide.public) * PRESETS.wide.rate, 100_000);
});

test('options override the preset in both --key value and --key=value forms', () => {
  const o = parseOptions(['--preset=fanout', '--staff', '500', '--rate=5', '--url', 'http://127.0.0.1:9999', '--start']);
  assert.equal(o.staff, 500);
  assert.equal(o.rate, 5);
  assert.equal(o.port, 9999);
  assert.equal(o.start, true);
  assert.equal(parseOptions(['--start', '--no-start']).start, false);
});

test('--port alone points the url at that port', () => {
  assert.equal(parseOptions(['--port', '18555']).url, 'http://127.0.0.1:18555');
});

test('the sockets preset fills the descriptors with public sockets unless told a number', () => {
  assert.equal(parseOptions(['--preset', 'sockets']).public, 'auto');
  assert.equal(parseOptions(['--preset', 'sockets', '--public', '100']).public, 100);
});

test('the uploads presets: uploads alone without sockets or writes, and fanout with uploads alongside', () => {
  const alone = parseOptions(['--preset', 'uploads']);
  assert.equal(alone.uploads, 2);
  assert.equal(alone.staff + alone.public, 0);
  assert.equal(writing(alone), false);
  const both = parseOptions(['--preset', 'fanout-uploads']);
  assert.equal(both.uploads, 2);
  assert.deepEqual({ ...both, preset: 'fanout' }, parseOptions(['--preset', 'fanout', '--uploads', '2'])); // the same sockets and writes
  assert.equal(writing(both), true);
  assert.equal(parseOptions(['--preset', 'fanout', '--uploads', '3', '--upload-file', 'a.jpg']).uploadFile, 'a.jpg');
  assert.equal(parseOptions([]).uploads, 0); // no other preset uploads
  assert.throws(() => parseOptions(['--preset', 'uploads', '--uploads', '0']), /needs --concurrency/);
});

test('unknown presets, options and bad numbers are refused', () => {
  assert.throws(() => parseOptions(['--preset', 'huge']), /Unknown preset/);
  assert.throws(() => parseOptions(['--sokets', '3']), /Unknown option/);
  assert.throws(() => parseOptions(['--staff', 'many']), /must be a number/);
  assert.throws(() => parseOptions(['--rate', '0']), /needs --concurrency/);
  assert.throws(() => parseOptions(['--staff']), /needs a value/);
});

test('sockets are spread over workers and over loopback source addresses', () => {
  const plans = assignClients({ staff: 3, public: 2500, workers: 2, perAddress: 1000, loopback: true });
  assert.equal(plans.length, 2);
  const all = plans.flatMap((p) => p.clients);
  assert.equal(all.length, 2503);
  assert.equal(all.filter((c) => c.staff).length, 3);
  assert.deepEqual([...new Set(all.map((c) => c.localAddress))].sort(), ['127.0.0.2', '127.0.0.3', '127.0.0.4']);
  assert.ok(Math.abs(plans[0].clients.length - plans[1].clients.length) <= 1);
  const remote = assignClients({ staff: 1, public: 1, workers: 1, perAddress: 1000, loopback: false });
  assert.equal(remote[0].clients[0].localAddress, undefined);
});

test('one worker per 2,500 sockets, at least two', () => {
  assert.equal(workerCount({ workers: 0 }, 100), 2);
  assert.equal(workerCount({ workers: 0 }, 19_000), 8);
  assert.equal(workerCount({ workers: 3 }, 19_000), 3);
});

test('--window-at lengthens the warm-up so that the window starts then, never shortens it', () => {
  const o = parseOptions(['--preset', 'writes', '--warmup', '90', '--window-at', '2026-12-07T23:55:00Z']);
  const at = Date.parse('2026-12-07T23:55:00Z');
  assert.equal(warmupSeconds(o, at - 120_500), 120.5); // ready early: warms up longer
  assert.equal(warmupSeconds(o, at - 30_000), 90); // ready late: the full warm-up, the window starts after the moment
  assert.equal(warmupSeconds(parseOptions(['--warmup', '90']), at), 90); // no --window-at
  assert.throws(() => parseOptions(['--window-at', 'soon']), /ISO date-time/);
});
