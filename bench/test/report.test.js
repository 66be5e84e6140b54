import assert from 'node:assert/strict';
import { test } from 'node:test';
import hdr from 'hdr-histogram-js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, percentiles, printSummary, rates } from '../src/report.js';
import { referenceLoopMs } from '../src/server.js';
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
  assert.deepEqual(s.cpuByThreadGroup.map((g) => g.group), ['requests', 'fanOut', 'stream', 'outbox', 'mediaDecode', 'kafkaClient',
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

test('the report and its summary carry the machine\'s speed before and after, so two runs\' CPU figures can be compared', () => {
  const printed = [];
  const log = console.log;
  console.log = (text) => printed.push(text);
  try {
    const report = buildReport({ ...fixtureRun(), referenceLoopMs: { atStart: 210, afterWindow: 380 } });
    assert.deepEqual(report.machine.referenceLoopMs, { atStart: 210, afterWindow: 380 });
    printSummary(report);
  } finally {
    console.log = log;
  }
  assert.match(printed.join('\n'), /reference loop 210 ms at start, 380 ms after the window \(lower is faster\)/);
  assert.equal(buildReport(fixtureRun()).machine.referenceLoopMs, null); // an older caller: none, not made up
});

test('the reference loop takes time in proportion to its rounds', () => {
  const small = referenceLoopMs(1_000_000);
  const large = referenceLoopMs(50_000_000);
  assert.ok(Number.isFinite(small) && small >= 0);
  assert.ok(large > small, `${large} ms for 50 M rounds, ${small} ms for 1 M`);
});

/** The fixture run with 20 uploads stored (and one refused) by 2 clients over 10 s alongside, and no writes. */
function uploadRun() {
  const latency = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3, useWebAssembly: false });
  for (let i = 1; i <= 21; i++) latency.recordValue(i * 50_000); // 50 ms .. 1,050 ms
  const run = fixtureRun({ deliveries: [0, 0], staff: 0 });
  return {
    ...run,
    options: { ...run.options, preset: 'uploads', uploads: 2 },
    writes: { summary: () => ({ attempted: 0, ok: 0, status: {}, skipped: 0 }), roundTrip: hdr.build() },
    uploads: { latency, summary: () => ({ attempted: 21, ok: 20, refused: 1, errors: 0, status: { 201: 20, 503: 1 },
      problems: { '/problems/media-busy': 1 } }) },
    uploadWindow: { seconds: 10, startMicros: 0, endMicros: 10e6 },
    uploadWarmup: { attempted: 12, ok: 12, status: { 201: 12 } },
    uploadsDeleted: { deleted: 32, failed: 0 },
    photo: { file: '/tmp/upload-photo.jpg', bytes: 3_004_859, width: 3000, height: 2000, sha256: 'ab', generated: true },
  };
}

test('a run with uploads reports uploads/s, their latency and refusals, and the server\'s CPU per upload', () => {
  const report = buildReport(uploadRun());
  const u = report.uploads;
  assert.equal(u.clients, 2);
  assert.deepEqual([u.attempted, u.ok, u.refused, u.errors], [21, 20, 1, 0]);
  assert.deepEqual(u.problems, { '/problems/media-busy': 1 });
  assert.equal(u.perSecond, 2); // 20 stored in 10 s
  assert.equal(u.latencyMs.count, 21);
  assert.ok(Math.abs(u.latencyMs.p50 - 550) <= 1 && Math.abs(u.latencyMs.max - 1050) <= 2, JSON.stringify(u.latencyMs));
  assert.equal(u.serverCpuPerUploadMs, 957); // 19.14 s of the fixture's window over 20 stored uploads
  assert.equal(report.server.cpuPerUploadMs, 957);
  assert.equal(u.mediaDecodeCpuPerUploadMs, 0); // the fixture's /proc has no decode thread
  assert.equal(report.server.cpuPerWriteMs, null);
  assert.deepEqual(u.warmup, { attempted: 12, ok: 12, status: { 201: 12 } });
  assert.deepEqual(u.cleanUp, { deleted: 32, failed: 0 });
  assert.equal(u.photo.bytes, 3_004_859);
  assert.equal(buildReport(fixtureRun()).uploads, null); // a run without uploads has none
});

test('the summary of a run with uploads has an uploads line beside the delivery latency', () => {
  const printed = [];
  const log = console.log;
  console.log = (text) => printed.push(text);
  try {
    printSummary(buildReport(uploadRun()));
    printSummary(buildReport(fixtureRun()));
  } finally {
    console.log = log;
  }
  const [withUploads, without] = printed;
  assert.doesNotMatch(withUploads, /undefined|NaN/);
  assert.match(withUploads, /\nuploads: 20 stored of 21 by 2 clients \(2\/s over 10 s; status \{"201":20,"503":1\}; refused 1, no answer 0\); latency p50 55\d(\.\d+)? ms, p99 1,?0\d\d(\.\d+)? ms, max 1,?05\d(\.\d+)? ms; server CPU 957 ms per upload \(media decode threads 0 ms\); photo 3004859 bytes, 3000x2000\n/);
  assert.match(withUploads, /957 ms per upload; cores by thread group/);
  assert.doesNotMatch(without, /uploads:|per upload/);
});
