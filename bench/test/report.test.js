import assert from 'node:assert/strict';
import { test } from 'node:test';
import hdr from 'hdr-histogram-js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, percentiles, printSummary, rates } from '../src/report.js';
import { cpuByGroup, threadSnapshot } from '../src/threads.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('latency percentiles are reported in milliseconds from microseconds', () => {
  const h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3,
    useWebAssembly: false });
  for (let i = 1; i <= 100; i++) h.recordValue(i * 1000);
  const p = percentiles(h);
  assert.equal(p.count, 100);
  // HdrHistogram keeps 3 significant digits: values are exact to 0.1 %.
  const near = (actual, expected) => assert.ok(Math.abs(actual - expected) <= expected / 1000, `${actual} ~ ${expected}`);
  near(p.p50, 50);
  near(p.p99, 99);
  near(p.max, 100);
});

test('steady deliveries/s counts only whole seconds inside the write window', () => {
  const window = { startMicros: 10.5e6, endMicros: 14.5e6 };
  const r = rates([[[10, 5], [11, 100], [12, 100]], [[13, 100], [14, 7], [15, 3]]], window);
  assert.equal(r.steadyPerSecond, 100);
  assert.equal(r.peakPerSecond, 100);
  assert.equal(r.lastDeliverySecondsAfterWrites, 1.5);
});

/** A finished run of 20 staff sockets over two workers, 1,000 writes, and the fixture /proc looks of its server. */
function fixtureRun({ deliveries = [60_000, 40_000], staff = 20 } = {}) {
  const empty = () => hdr.encodeIntoCompressedBase64(hdr.build({ lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3, useWebAssembly: false }));
  const worker = (received) => ({ latency: empty(), connect: empty(), perSecond: [], deliveries: received, closes: {},
    reconnects: {}, resyncs: 0, open: staff / 2, rssBytes: 2 ** 20, loopDelayMs: null,
    cpu: { user: 1e6, system: 0, wallMicros: 10e6 },
    accounting: { lost: 0, duplicated: 0, unexpected: 0, wrongKey: 0, mismatched: 0, clientsWithLoss: 0 } });
  const process = { rssBytes: 2 ** 30, fds: 100, fdLimit: 20_000 };
  return {
    options: { preset: 'smoke', published: false, password: 'x' }, startedAt: new Date(0), load: [1, 1, 1], pid: 4242,
    idle: { heapUsed: 2 ** 27, process }, loaded: { heapUsed: 2 ** 27, process, threads: 91 }, end: null,
    connected: [{ ok: staff / 2, failures: {} }, { ok: staff / 2, failures: {} }], connectSeconds: 1, total: staff, staff, readers: 0,
    writes: { summary: () => ({ attempted: 1000, ok: 1000, status: { 200: 1000 }, skipped: 0 }), roundTrip: hdr.build() },
    window: { seconds: 10, startMicros: 0, endMicros: 10e6 }, drained: { complete: true, seconds: 0 },
    reports: deliveries.map(worker), samples: [], wallSeconds: 10, coordinatorCpu: { user: 0, system: 0 },
    serverCpu: 1.914, machineBusy: 0.9, loopback: true,
    threadCpu: cpuByGroup(threadSnapshot(4242, join(fixtures, 'proc-start')), threadSnapshot(4242, join(fixtures, 'proc-end'))),
  };
}

test('the report keeps its server figures and adds CPU per thread group, per write and per delivery', () => {
  const run = fixtureRun();
  const report = buildReport(run);
  assert.deepEqual(report.warmupSamples, []); // no warm-up sampled: an empty list, as `samples` would be
  const s = report.server;
  assert.equal(s.cpuCores, 1.91);
  assert.equal(s.rssIdleMB, 1024);
  assert.equal(s.cpuSecondsInWindow, 19.14);
  assert.equal(s.cpuPerWriteMs, 19.14); // 19.14 s over 1,000 acknowledged writes
  assert.equal(s.cpuPerDeliveryUs, 191.4); // over the 100,000 deliveries both workers received
  assert.deepEqual(s.cpuByThreadGroup.map((g) => g.group), ['requests', 'fanOut', 'stream', 'outbox', 'kafkaClient',
    'kafkaBroker', 'jit', 'gc', 'database', 'other', 'unattributed']);
  const without = buildReport({ ...run, threadCpu: null }).server; // the server runs elsewhere
  assert.equal(without.cpuByThreadGroup, null);
  assert.equal(without.cpuPerWriteMs, null);
});

test('the summary shows CPU per write and per thread group, and \'-\' for what a run without sockets has none of', () => {
  const printed = [];
  const log = console.log;
  console.log = (text) => printed.push(text);
  try {
    printSummary(buildReport(fixtureRun({ deliveries: [0, 0], staff: 0 })));
  } finally {
    console.log = log;
  }
  const text = printed.join('\n');
  assert.doesNotMatch(text, /undefined|NaN/);
  assert.match(text, /latency \(write sent -> frame received\): p50 - ms/);
  assert.match(text, /server CPU: 19\.14 s in the window \(1\.91 cores\) = 19\.14 ms per write, - µs per delivery; cores by thread group: requests 0\.8/);
});
