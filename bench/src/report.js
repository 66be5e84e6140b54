// Turns the workers' reports and the server samples into the figures of a run: a printed summary and JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import hdr from 'hdr-histogram-js';
import { cpuFigures, cpuSummary } from './threads.js';

const ms = (micros) => Math.round(micros / 10) / 100;
const round = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits)));

function merged(encoded) {
  const total = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3, useWebAssembly: false });
  for (const e of encoded) total.add(hdr.decodeFromCompressedBase64(e, 32, false));
  return total;
}

export function percentiles(histogram) {
  if (histogram.totalCount === 0) return { count: 0 };
  return {
    count: histogram.totalCount,
    p50: ms(histogram.getValueAtPercentile(50)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p99: ms(histogram.getValueAtPercentile(99)),
    p999: ms(histogram.getValueAtPercentile(99.9)),
    max: ms(histogram.maxValue),
    mean: ms(histogram.mean),
  };
}

/** Deliveries per second within the write window (whole seconds only) and the peak second. */
export function rates(perSecondLists, window) {
  const buckets = new Map();
  for (const list of perSecondLists) for (const [s, n] of list) buckets.set(s, (buckets.get(s) ?? 0) + n);
  const first = Math.floor(window.startMicros / 1e6) + 1;
  const last = Math.floor(window.endMicros / 1e6) - 1;
  let inWindow = 0;
  let seconds = 0;
  for (let s = first; s <= last; s++) {
    inWindow += buckets.get(s) ?? 0;
    seconds++;
  }
  const lastDelivery = buckets.size ? Math.max(...buckets.keys()) : null;
  return {
    steadyPerSecond: seconds > 0 ? Math.round(inWindow / seconds) : null,
    peakPerSecond: buckets.size ? Math.max(...buckets.values()) : 0,
    lastDeliverySecondsAfterWrites: lastDelivery === null ? null : lastDelivery + 1 - window.endMicros / 1e6,
  };
}

function sum(list, f) {
  return list.reduce((n, x) => n + f(x), 0);
}

/** What each socket adds to the live heap, by class: (with sockets - idle) / sockets, the largest first. */
function perSocketClasses(idle, loaded, sockets) {
  if (!idle || !loaded || !sockets) return null;
  const before = new Map(idle.map((c) => [c.name, c]));
  return loaded.map((c) => ({
    name: c.name,
    bytesPerSocket: Math.round((c.bytes - (before.get(c.name)?.bytes ?? 0)) / sockets),
    instancesPerSocket: round((c.instances - (before.get(c.name)?.instances ?? 0)) / sockets),
  })).filter((c) => c.bytesPerSocket > 0).sort((a, b) => b.bytesPerSocket - a.bytesPerSocket);
}

/**
 * The uploads of a run: how many were stored, refused (an answer other than 201) or never answered, per second
 * (stored ÷ the time from the first sent to the last answered), their latency (request sent -> answer read), the
 * photo, the warm-up's and the clean-up's counts, and the server's CPU per stored upload: all threads over the
 * measured window (so with sockets and writes running it includes theirs) and the decode threads' alone.
 */
function uploadFigures(run, us, cpu) {
  const decode = cpu?.cpuByThreadGroup.find((g) => g.group === 'mediaDecode');
  return {
    clients: run.options.uploads,
    photo: run.photo ?? null,
    ...us,
    seconds: round(run.uploadWindow.seconds),
    perSecond: round(us.ok / run.uploadWindow.seconds, 2),
    latencyMs: percentiles(run.uploads.latency),
    serverCpuPerUploadMs: cpu?.cpuPerUploadMs ?? null,
    mediaDecodeCpuPerUploadMs: decode?.msPerUpload ?? null,
    warmup: run.uploadWarmup ?? null,
    cleanUp: run.uploadsDeleted ?? null,
  };
}

export function buildReport(run) {
  const { options, reports, writes, window, connected, samples } = run;
  const latency = merged(reports.map((r) => r.latency));
  const connect = merged(reports.map((r) => r.connect));
  const opened = sum(connected, (c) => c.ok);
  const acc = reports.map((r) => r.accounting);
  const ws = writes.summary();
  const perClient = { staff: ws.ok, public: run.options.published ? ws.ok : 0 };
  const expectedDeliveries = run.staff * perClient.staff + run.readers * perClient.public;
  const heapPerSocket = run.loaded.heapUsed && run.idle.heapUsed && opened
    ? (run.loaded.heapUsed - run.idle.heapUsed) / opened : null;
  const rssPerSocket = run.loaded.process && run.idle.process && opened
    ? (run.loaded.process.rssBytes - run.idle.process.rssBytes) / opened : null;
  const generator = reports.map((r, i) => ({
    worker: i,
    cores: round((r.cpu.user + r.cpu.system) / r.cpu.wallMicros),
    loopDelayMs: r.loopDelayMs && Object.fromEntries(Object.entries(r.loopDelayMs).map(([k, v]) => [k, round(v)])),
    rssMB: round(r.rssBytes / 2 ** 20, 0),
  }));
  const failures = {};
  for (const c of connected) for (const [k, v] of Object.entries(c.failures)) failures[k] = (failures[k] ?? 0) + v;
  const closes = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.closes)) closes[k] = (closes[k] ?? 0) + v;
  const reconnects = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.reconnects)) reconnects[k] = (reconnects[k] ?? 0) + v;
  const received = sum(reports, (r) => r.deliveries);
  const us = run.uploads ? run.uploads.summary() : null;
  const cpu = cpuFigures(run.threadCpu, { wallSeconds: run.wallSeconds, writes: ws.ok, deliveries: received,
    uploads: us?.ok ?? 0 });
  const heapSamples = samples.map((s) => s.heapUsed).filter((x) => x);
  const rssSamples = samples.map((s) => s.rssBytes).filter((x) => x);
  const cpuUsage = samples.map((s) => s.processCpuUsage).filter((x) => x !== undefined);
  return {
    preset: options.preset,
    startedAt: run.startedAt.toISOString(),
    machine: { cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), loadAverageAtStart: run.load,
      busyDuringRun: round(run.machineBusy), referenceLoopMs: run.referenceLoopMs ?? null },
    options: { ...options, password: undefined },
    sockets: { staff: run.staff, public: run.readers, requested: run.total, opened, failures,
      openAtEnd: sum(reports, (r) => r.open), closes, reconnects, resyncs: sum(reports, (r) => r.resyncs), workers: reports.length, loopbackSources: run.loopback,
      connectSeconds: round(run.connectSeconds, 1), connectMs: percentiles(connect) },
    writes: { ...ws, seconds: round(window.seconds), perSecond: round(ws.ok / window.seconds, 1),
      restRoundTripMs: percentiles(writes.roundTrip) },
    deliveries: {
      expected: expectedDeliveries,
      received,
      lost: sum(acc, (a) => a.lost),
      duplicated: sum(acc, (a) => a.duplicated),
      unexpected: sum(acc, (a) => a.unexpected),
      wrongPostOrVersion: sum(acc, (a) => a.wrongKey + a.mismatched),
      clientsWithLoss: sum(acc, (a) => a.clientsWithLoss),
      firstMissing: acc.find((a) => a.firstMissing)?.firstMissing ?? null,
      allArrived: run.drained.complete,
      waitedAfterWritesSeconds: round(run.drained.seconds, 1),
      offeredPerSecond: Math.round(expectedDeliveries / window.seconds),
      ...rates(reports.map((r) => r.perSecond), window),
    },
    latencyMs: percentiles(latency),
    uploads: us && uploadFigures(run, us, cpu),
    server: {
      pid: run.pid || null,
      uptimeAtWindowStartSeconds: run.uptimeAtWindowStart ?? null,
      heapIdleMB: round(run.idle.heapUsed / 2 ** 20, 1),
      heapWithSocketsMB: round(run.loaded.heapUsed / 2 ** 20, 1),
      heapMeasuredAfterGc: run.idle.afterGc && run.loaded.afterGc,
      heapPerSocketKB: round(heapPerSocket / 1024),
      heapPeakDuringRunMB: heapSamples.length ? round(Math.max(...heapSamples) / 2 ** 20, 1) : null,
      heapAtEndMB: run.end?.heapUsed ? round(run.end.heapUsed / 2 ** 20, 1) : null,
      rssIdleMB: run.idle.process ? round(run.idle.process.rssBytes / 2 ** 20, 1) : null,
      rssWithSocketsMB: run.loaded.process ? round(run.loaded.process.rssBytes / 2 ** 20, 1) : null,
      rssPeakDuringRunMB: rssSamples.length ? round(Math.max(...rssSamples) / 2 ** 20, 1) : null,
      rssAtEndMB: run.end?.process ? round(run.end.process.rssBytes / 2 ** 20, 1) : null,
      rssPerSocketKB: round(rssPerSocket / 1024),
      descriptors: run.loaded.process ? { open: run.loaded.process.fds, limit: run.loaded.process.fdLimit } : null,
      cpuCores: round(run.serverCpu),
      // Over the same window as cpuCores (first write to the end of the wait for deliveries), all threads.
      cpuSecondsInWindow: cpu?.cpuSecondsInWindow ?? null,
      cpuPerWriteMs: cpu?.cpuPerWriteMs ?? null,
      cpuPerDeliveryUs: cpu?.cpuPerDeliveryUs ?? null,
      cpuPerUploadMs: cpu?.cpuPerUploadMs ?? null,
      cpuByThreadGroup: cpu?.cpuByThreadGroup ?? null,
      busiestOtherThreads: cpu?.busiestOtherThreads ?? null,
      processCpuUsageMean: cpuUsage.length ? round(cpuUsage.reduce((a, b) => a + b, 0) / cpuUsage.length) : null,
      threads: run.loaded.threads,
      slowCloses: run.end?.slowCloses ?? null,
    },
    generator: {
      cores: round(sum(reports, (r) => (r.cpu.user + r.cpu.system) / r.cpu.wallMicros)
        + (run.coordinatorCpu.user + run.coordinatorCpu.system) / 1e6 / run.wallSeconds),
      coordinatorCores: round((run.coordinatorCpu.user + run.coordinatorCpu.system) / 1e6 / run.wallSeconds),
      worstLoopDelayP99Ms: round(Math.max(...generator.map((g) => g.loopDelayMs?.p99 ?? 0))),
      worstLoopDelayMaxMs: round(Math.max(...generator.map((g) => g.loopDelayMs?.max ?? 0))),
      workers: generator,
    },
    heapBySocketClass: perSocketClasses(run.idle.classes, run.loaded.classes, opened),
    samples,
    warmupSamples: run.warmupSamples ?? [],
  };
}

/** A summary line: a figure the run has none of (no sockets, no deliveries, no server pid) shows as '-'. */
const t = (strings, ...values) => strings.reduce((out, part, i) => out + (values[i - 1] ?? '-') + part);

function uploadLine(u) {
  const l = u.latencyMs;
  return t`uploads: ${u.ok} stored of ${u.attempted} by ${u.clients} clients (${u.perSecond}/s over ${u.seconds} s; status ${JSON.stringify(u.status)}; refused ${u.refused}, no answer ${u.errors}); latency p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms; server CPU ${u.serverCpuPerUploadMs} ms per upload (media decode threads ${u.mediaDecodeCpuPerUploadMs} ms); photo ${u.photo?.bytes} bytes, ${u.photo?.width}x${u.photo?.height}`;
}

/** The reference loop before the server started and after the window (server.js referenceLoopMs). */
function speed(loop) {
  return loop ? `; reference loop ${loop.atStart} ms at start, ${loop.afterWindow} ms after the window (lower is faster)` : '';
}

export function printSummary(r) {
  const d = r.deliveries;
  const l = r.latencyMs;
  const s = r.server;
  const lines = [
    t`preset ${r.preset}: ${r.sockets.opened}/${r.sockets.requested} sockets (${r.sockets.staff} staff, ${r.sockets.public} public) over ${r.sockets.workers} workers; load average at start ${r.machine.loadAverageAtStart.join(' ')}, machine busy ${Math.round(r.machine.busyDuringRun * 100)}%${speed(r.machine.referenceLoopMs)}`,
    t`connect: ${r.sockets.connectSeconds} s for all; per socket p50 ${r.sockets.connectMs.p50} ms, p99 ${r.sockets.connectMs.p99} ms, max ${r.sockets.connectMs.max} ms; failures ${JSON.stringify(r.sockets.failures)}`,
    t`writes: ${r.writes.ok} ok of ${r.writes.attempted} (${r.writes.perSecond}/s; status ${JSON.stringify(r.writes.status)}; skipped ${r.writes.skipped}); REST p50 ${r.writes.restRoundTripMs.p50} ms, p99 ${r.writes.restRoundTripMs.p99} ms`,
    t`deliveries: ${d.received} of ${d.expected} expected; lost ${d.lost}, duplicated ${d.duplicated}, unexpected ${d.unexpected}, wrong post/version ${d.wrongPostOrVersion}; all arrived: ${d.allArrived} (waited ${d.waitedAfterWritesSeconds} s after the writes)`,
    t`deliveries/s: offered ${d.offeredPerSecond}, achieved ${d.steadyPerSecond} (steady), peak ${d.peakPerSecond}; last delivery ${d.lastDeliverySecondsAfterWrites?.toFixed(1)} s after the writes`,
    t`latency (write sent -> frame received): p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms (${l.count} deliveries)`,
    ...(r.uploads ? [uploadLine(r.uploads)] : []),
    t`server: heap ${s.heapIdleMB} -> ${s.heapWithSocketsMB} MB${s.heapMeasuredAfterGc ? ' after GC' : ''} (${s.heapPerSocketKB} KB/socket, peak ${s.heapPeakDuringRunMB} MB), RSS ${s.rssIdleMB} -> ${s.rssWithSocketsMB} MB (${s.rssPerSocketKB} KB/socket, peak ${s.rssPeakDuringRunMB} MB), descriptors ${JSON.stringify(s.descriptors)}, CPU ${s.cpuCores} cores, slow closes ${s.slowCloses}`,
    cpuSummary(s.cpuByThreadGroup ? s : null, s.cpuCores),
    t`generator: ${r.generator.cores} cores (coordinator ${r.generator.coordinatorCores}); event-loop delay worst p99 ${r.generator.worstLoopDelayP99Ms} ms, max ${r.generator.worstLoopDelayMaxMs} ms; closes during the run ${JSON.stringify(r.sockets.closes)} (reconnects ${JSON.stringify(r.sockets.reconnects)}, resyncs ${r.sockets.resyncs}), open at end ${r.sockets.openAtEnd}`,
  ];
  console.log(lines.join('\n'));
}

export function writeReport(report, dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.preset}-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
