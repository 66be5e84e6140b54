import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cpuByGroup, cpuFigures, cpuSummary, groupCores, groupOf, processUptime, THREAD_GROUPS, threadSnapshot } from '../src/threads.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const start = () => threadSnapshot(4242, join(fixtures, 'proc-start'));
const end = () => threadSnapshot(4242, join(fixtures, 'proc-end'));
const seconds = (byGroup) => Object.fromEntries(byGroup.groups.map((g) => [g.group, Number(g.cpuSeconds.toFixed(4))]));

test('threads are grouped by their 15-character names as /proc cuts them', () => {
  const cases = {
    'http-nio-18501-': 'requests', // exec, Poller and Acceptor alike at a five-digit port
    'http-nio-8080-e': 'requests',
    'realtime-fan-ou': 'fanOut',
    'realtime-stream': 'stream',
    'realtime-replay': 'stream',
    'presence-stream': 'stream',
    'outbox-relay': 'outbox',
    'media-decode-1': 'mediaDecode',
    'media-decode-12': 'mediaDecode',
    'kafka-producer-': 'kafkaClient',
    'kafka-admin-cli': 'kafkaClient',
    'data-plane-kafk': 'kafkaBroker',
    'kafka-1-raft-io': 'kafkaBroker',
    'C2 CompilerThre': 'jit',
    'C1 CompilerThre': 'jit',
    'GC Thread#1': 'gc',
    'G1 Conc#0': 'gc',
    'G1 Refine#0': 'gc',
    'MVStore backgro': 'database',
    'HikariPool-1:ho': 'database',
    'micrometer-kafk': 'kafkaClient',
    'PersisterStateM': 'kafkaBroker',
    'broker-1-lifecy': 'kafkaBroker',
    'Sweeper thread': 'jit',
    'VM Thread': 'gc',
    'body-html-refre': 'other',
    'Catalina-utilit': 'other',
    java: 'other',
  };
  for (const [name, group] of Object.entries(cases)) assert.equal(groupOf(name), group, name);
  assert.equal(THREAD_GROUPS.at(-1).group, 'other');
});

test('every thread of a real server on embedded defaults falls in a named group but the JVM\'s and app\'s few others', () => {
  // The names a running server had (`--start`, smoke preset, sockets open, writes running), one per line; the two
  // decode threads, which start with the first upload, from a run of the uploads preset.
  const names = readFileSync(join(fixtures, 'server-thread-names.txt'), 'utf8').trim().split('\n');
  const other = names.filter((n) => groupOf(n) === 'other').sort();
  assert.deepEqual(other, ['Attach Listener', 'Catalina-utilit', 'Cleaner-1', 'Common-Cleaner', 'Finalizer',
    'Monitor Deflati', 'Notification Th', 'Reference Handl', 'Service Thread', 'Signal Dispatch', 'VM Periodic Tas',
    'body-html-refre', 'container-1', 'java', 'scheduled-publi', 'scheduling-1']);
  const groups = new Set(names.map(groupOf));
  for (const g of THREAD_GROUPS) assert.ok(groups.has(g.group), `a real thread in ${g.group}`);
});

test('a snapshot reads every live thread, its name from comm and its ticks from stat, and skips one that vanished', () => {
  const snapshot = end();
  assert.deepEqual(snapshot.process, { utime: 21320, stime: 3594, start: '10' });
  assert.equal(snapshot.threads.size, 17); // 4999 has a comm but no stat any more
  assert.deepEqual(snapshot.threads.get('4400@450'), { tid: 4400, name: 'realtime-fan-ou', utime: 250, stime: 700 });
  assert.equal(start().threads.get('4900@950').name, 'pool-1) thread'); // ')' in a name does not shift the fields
  assert.equal(threadSnapshot(4243, join(fixtures, 'proc-end')), null); // no such process
  assert.equal(threadSnapshot(0), null);
});

test('CPU per group: differences for threads alive throughout, everything for new ones, the rest as exited', () => {
  const byGroup = cpuByGroup(start(), end());
  assert.equal(byGroup.processSeconds, 19.14);
  assert.deepEqual(seconds(byGroup), {
    requests: 8.0, // 3.6 + 3.3 from the two old request threads, 1.1 from the one that started in the window
    fanOut: 5.5,
    stream: 0.5,
    outbox: 0.1,
    mediaDecode: 0, // no upload in the fixture's window
    kafkaClient: 0.4,
    kafkaBroker: 0.66,
    jit: 3.2,
    gc: 0.5,
    database: 0,
    other: 0.11, // scheduling-1 reuses tid 4900 with another start time: a new thread, all 0.1 s of it counted
    unattributed: 0.17, // the process's ticks beyond its live threads': the exited threads' time in the window
  });
  const total = byGroup.groups.reduce((n, g) => n + g.cpuSeconds, 0);
  assert.ok(Math.abs(total - byGroup.processSeconds) < 1e-9, 'the groups add up to the process');
  const unattributed = byGroup.groups.find((g) => g.group === 'unattributed');
  assert.deepEqual(unattributed.exitedThreads, ['http-nio-18501-', 'pool-1) thread']);
  assert.equal(unattributed.threads, 2);
  assert.equal(byGroup.groups.find((g) => g.group === 'requests').threads, 3);
  assert.deepEqual(byGroup.otherThreads.map((t) => t.name), ['scheduling-1', 'Catalina-utilit']);
});

test('user and system time stay apart per group', () => {
  const fanOut = cpuByGroup(start(), end()).groups.find((g) => g.group === 'fanOut');
  assert.equal(fanOut.userSeconds, 1.5);
  assert.equal(fanOut.systemSeconds, 4.0);
});

test('per write and per delivery: the window\'s server CPU divided by acknowledged writes and by deliveries', () => {
  const figures = cpuFigures(cpuByGroup(start(), end()), { wallSeconds: 10, writes: 1000, deliveries: 100_000 });
  assert.equal(figures.cpuSecondsInWindow, 19.14);
  assert.equal(figures.cpuPerWriteMs, 19.14);
  assert.equal(figures.cpuPerDeliveryUs, 191.4);
  const requests = figures.cpuByThreadGroup.find((g) => g.group === 'requests');
  assert.deepEqual({ ...requests, label: undefined }, { group: 'requests', label: undefined, threads: 3, cores: 0.8,
    userCores: 0.66, systemCores: 0.14, share: 0.418, msPerWrite: 8, msPerUpload: null });
  assert.equal(figures.cpuPerUploadMs, null); // no uploads in the window
  assert.equal(figures.cpuByThreadGroup.find((g) => g.group === 'jit').cores, 0.32);
  assert.deepEqual(figures.busiestOtherThreads, [{ name: 'scheduling-1', cores: 0.01 }, { name: 'Catalina-utilit', cores: 0.001 }]);
});

test('per upload: the window\'s server CPU, and each group\'s, divided by the stored uploads', () => {
  const figures = cpuFigures(cpuByGroup(start(), end()), { wallSeconds: 10, writes: 0, deliveries: 0, uploads: 20 });
  assert.equal(figures.cpuPerUploadMs, 957); // 19.14 s over 20 uploads
  assert.equal(figures.cpuPerWriteMs, null);
  assert.equal(figures.cpuByThreadGroup.find((g) => g.group === 'requests').msPerUpload, 400);
  assert.equal(figures.cpuByThreadGroup.find((g) => g.group === 'mediaDecode').msPerUpload, 0);
  assert.match(cpuSummary(figures, 1.91), /- ms per write, - µs per delivery, 957 ms per upload; cores by thread group: requests/);
  assert.doesNotMatch(cpuSummary(cpuFigures(cpuByGroup(start(), end()), { wallSeconds: 10, writes: 1, deliveries: 1 }), 1.91),
    /per upload/);
});

test('no writes or no deliveries give no per-write or per-delivery figure rather than infinity', () => {
  const figures = cpuFigures(cpuByGroup(start(), end()), { wallSeconds: 10, writes: 0, deliveries: 0 });
  assert.equal(figures.cpuPerWriteMs, null);
  assert.equal(figures.cpuPerDeliveryUs, null);
  assert.equal(figures.cpuByThreadGroup[0].msPerWrite, null);
  assert.equal(cpuFigures(null, { wallSeconds: 10, writes: 1, deliveries: 1 }), null);
});

test('the per-second samples give cores per group and the summary line names the busiest first', () => {
  const cores = groupCores(start(), end(), 10);
  assert.equal(cores.requests, 0.8);
  assert.equal(cores.unattributed, 0.017);
  assert.equal(groupCores(null, end(), 10), null);
  const figures = cpuFigures(cpuByGroup(start(), end()), { wallSeconds: 10, writes: 1000, deliveries: 100_000 });
  const line = cpuSummary(figures, 1.91);
  assert.match(line, /19\.14 s in the window \(1\.91 cores\) = 19\.14 ms per write, 191\.4 µs per delivery/);
  assert.match(line, /thread group: requests 0\.8 \(42 %\), fan-out 0\.55 \(29 %\), JIT 0\.32 \(17 %\), Kafka broker/);
  assert.doesNotMatch(line, /database/); // groups that used nothing are left out of the line
  assert.match(cpuSummary(null), /not measured/);
});

test('the server\'s uptime is the machine\'s less the process\'s start time in ticks', () => {
  assert.equal(processUptime(4242, join(fixtures, 'proc-end')), 1000.4); // 1000.50 s up, started 10 ticks after boot
  assert.equal(processUptime(4242, join(fixtures, 'proc-start')), null); // no uptime file: unknown, not 0
  assert.equal(processUptime(0), null);
});
