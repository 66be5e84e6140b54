#!/usr/bin/env node
// The benchmark's coordinator: (optionally) starts the app, prepares a user and posts, forks the worker
// processes that hold the sockets, drives the writes (and the uploads alongside, `--uploads K`), samples the
// server, and writes the report.
// Usage: npm --prefix bench run bench -- --preset smoke [--url http://127.0.0.1:18501] [--start] [--key value ...]
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api } from './api.js';
import { cachedPhoto, jpegSize } from './image.js';
import { assignClients, parseOptions, warmupSeconds, workerCount, writing } from './options.js';
import { buildReport, printSummary, writeReport } from './report.js';
import { classHistogram, findPid, flightRecording, gc, loadAverage, machineCpu, metricsSource, processFigures, referenceLoopMs, scrape, startServer, stopServer, waitReady } from './server.js';
import { cpuByGroup, groupCores, processUptime, threadSnapshot } from './threads.js';
import { multipartBody, Uploads } from './uploads.js';
import { Writes } from './writes.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const log = (...args) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** A worker process and a way to wait for its next message of a type. */
function startWorker(index) {
  const child = fork(resolve(here, 'worker.js'), [], { serialization: 'advanced' });
  const waiting = new Map();
  child.on('message', (msg) => {
    if (msg.type === 'failed') {
      console.error(`worker ${index} failed: ${msg.message}`);
      process.exitCode = 1;
    }
    const resolveNext = waiting.get(msg.type);
    if (resolveNext) {
      waiting.delete(msg.type);
      resolveNext(msg);
    }
  });
  return {
    child,
    send: (msg) => child.send(msg),
    next: (type) => new Promise((r) => waiting.set(type, r)),
  };
}

async function request(workers, msg, replyType) {
  const replies = workers.map((w) => w.next(replyType));
  workers.forEach((w) => w.send(msg));
  return Promise.all(replies);
}

/** Measures the server's live heap (after a full GC) and RSS and descriptors. */
async function memoryFigures(metrics, pid) {
  const collected = pid ? gc(pid) : false;
  if (collected) await sleep(300);
  return { afterGc: collected, ...(await scrape(metrics)), process: processFigures(pid) };
}

/** Samples server and machine once a second while the writes run. */
function sampler(metrics, pid) {
  const samples = [];
  const look = () => ({ proc: processFigures(pid), threads: threadSnapshot(pid), machine: machineCpu(), at: performance.now() });
  let previous = look();
  const timer = setInterval(async () => {
    const now = look();
    const seconds = (now.at - previous.at) / 1000;
    const sample = {
      serverUptimeSeconds: processUptime(pid),
      serverCores: now.proc && previous.proc ? (now.proc.cpuSeconds - previous.proc.cpuSeconds) / seconds : null,
      threadGroupCores: groupCores(previous.threads, now.threads, seconds),
      machineBusy: (now.machine.busy - previous.machine.busy) / (now.machine.total - previous.machine.total),
      rssBytes: now.proc?.rssBytes ?? null,
    };
    previous = now;
    try {
      const s = await scrape(metrics);
      sample.heapUsed = s.heapUsed;
      sample.processCpuUsage = s.processCpuUsage;
    } catch { /* a missed scrape is not fatal */ }
    samples.push(sample);
  }, 1000);
  return { samples, stop: () => clearInterval(timer) };
}

/**
 * Waits until every client has every write it should have, or until deliveries stop coming for `quietSeconds`
 * (a client still receiving is late, not lost), but at most `maxSeconds`.
 */
async function drain(workers, writes, quietSeconds, maxSeconds = 600) {
  const started = Date.now();
  const expected = Buffer.from(writes.expected.subarray(0, writes.seq)).toString('base64');
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const progress = await request(workers, { type: 'expect', expected }, 'progress');
    if (progress.every((p) => p.complete)) return { complete: true, seconds: (Date.now() - started) / 1000 };
    const total = progress.reduce((n, p) => n + p.deliveries, 0);
    if (total !== last) {
      last = total;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > quietSeconds * 1000 || Date.now() - started > maxSeconds * 1000) {
      return { complete: false, seconds: (Date.now() - started) / 1000 };
    }
    await sleep(250);
  }
}

const TYPES = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp' };

/**
 * The image every upload sends: `--upload-file`, else the generated ~3 MB photo (cached in the output folder).
 * Returns the multipart body and what the report says of the image.
 */
function uploadPhoto(options) {
  let photo;
  if (options.uploadFile) {
    const file = resolve(repoRoot, options.uploadFile); // like --jar and --out: relative to the repository
    const bytes = readFileSync(file);
    const size = jpegSize(bytes);
    photo = { bytes, file, width: size?.width ?? null, height: size?.height ?? null,
      sha256: createHash('sha256').update(bytes).digest('hex'), generated: false };
  } else {
    photo = { ...cachedPhoto(resolve(repoRoot, options.out)), generated: true };
  }
  const multipart = multipartBody({ file: photo.bytes, filename: basename(photo.file),
    type: TYPES[extname(photo.file).toLowerCase()] ?? 'application/octet-stream', alt: 'Bench upload' });
  return { multipart, photo: { ...photo, bytes: photo.bytes.length } };
}

const workers = [];
const uploaders = []; // every Uploads of the run: their images are deleted at the end
let server = null;

/** Deletes the images the run's uploads stored (also when the run failed half-way). */
async function deleteUploads() {
  const total = { deleted: 0, failed: 0 };
  for (const u of uploaders.splice(0)) {
    const r = await u.deleteAll().catch(() => ({ deleted: 0, failed: u.ids.length }));
    total.deleted += r.deleted;
    total.failed += r.failed;
  }
  return total;
}

/** Deletes what the run uploaded, ends the workers and the app this run started (also on Ctrl-C). */
async function cleanUp() {
  if (uploaders.length) await deleteUploads();
  for (const w of workers) if (w.child.connected) w.send({ type: 'close' });
  await sleep(300);
  for (const w of workers) if (w.child.exitCode === null) w.child.kill();
  if (server) {
    await stopServer(server);
    log(`stopped the app; its log and data: ${server.dataDir}`);
    server = null;
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanUp().finally(() => process.exit(130)));
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const url = options.url.replace(/\/$/, '');
  const speedAtStart = referenceLoopMs();
  server = options.start ? startServer(options, repoRoot) : null;
  const startedAt = new Date();
  mkdirSync(resolve(repoRoot, options.out), { recursive: true });
  const upload = options.uploads > 0 ? uploadPhoto(options) : null;
  if (upload) log(`uploads of ${upload.photo.file} (${upload.photo.bytes} bytes)`);
  const posting = writing(options);
  try {
    if (server) log(`started the app (pid ${server.pid}, data ${server.dataDir})`);
    await waitReady(url, 240, server);
    const pid = options.serverPid || server?.pid || findPid(options.port);
    log(`server ready at ${url}${pid ? `, pid ${pid}` : ' (not on this machine: no RSS/CPU/GC)'}`);
    const admin = new Api(url, Math.max(8, options.concurrency || options.posts) + 4);
    admin.token = await admin.login(options.email, options.password);
    // The upload clients: their own connections (one each), the bench ADMIN's token, like the writes.
    const uploader = new Api(url, Math.max(1, options.uploads));
    uploader.token = admin.token;
    const metrics = metricsSource({ url, metricsUrl: options.metricsUrl,
      login: () => new Api(url).login(options.email, options.password) });
    const editorToken = await admin.editorToken('bench-editor@localhost', 'bench-editor-password');
    const runId = startedAt.getTime().toString(36);
    const posts = await admin.createPosts(options.posts, options.published, runId);
    log(`${posts.length} ${options.published ? 'published' : 'draft'} posts ready`);

    const idle = await memoryFigures(metrics, pid);
    let warmupSamples = [];
    const idleClasses = options.classHistogram && pid ? classHistogram(pid, 400) : null;
    const freeFds = idle.process?.fdLimit ? idle.process.fdLimit - idle.process.fds - options.fdMargin : null;
    const staff = options.staff;
    const readers = options.public === 'auto'
      ? Math.max(0, (freeFds ?? 10_000) - staff) : options.public;
    const total = staff + readers;
    const host = new URL(url).hostname;
    const loopback = host === '127.0.0.1' || host === 'localhost';
    const plans = assignClients({ staff, public: readers, workers: workerCount(options, total),
      perAddress: options.perAddress, loopback });
    log(`opening ${staff} staff + ${readers} public sockets over ${plans.length} workers`
      + (freeFds !== null ? ` (server: ${idle.process.fds} descriptors open of ${idle.process.fdLimit})` : ''));
    for (let i = 0; i < plans.length; i++) workers.push(startWorker(i));
    const wsUrl = url.replace(/^http/, 'ws') + '/ws';
    const connectStart = performance.now();
    const connected = await Promise.all(workers.map((w, i) => {
      const reply = w.next('connected');
      w.send({ type: 'init', wsUrl, token: editorToken, deflate: options.deflate,
        connectConcurrency: options.connectConcurrency, clients: plans[i].clients });
      return reply;
    }));
    const connectSeconds = (performance.now() - connectStart) / 1000;
    const opened = connected.reduce((n, c) => n + c.ok, 0);
    log(`${opened} of ${total} sockets ready in ${connectSeconds.toFixed(1)} s`);
    await sleep(options.settle * 1000);
    const loaded = await memoryFigures(metrics, pid);
    if (options.classHistogram && pid) {
      idle.classes = idleClasses;
      loaded.classes = classHistogram(pid);
    }
    // After the memory figures: the warm-up fills the server's resume buffer, which is not per socket.
    let uploadWarmup = null;
    const warmup = warmupSeconds(options, Date.now());
    if (warmup > options.warmup) {
      log(`warm-up of ${warmup.toFixed(1)} s instead of ${options.warmup}, so that the window starts at ${options.windowAt}`);
      options.warmup = warmup;
    } else if (options.windowAt) {
      log(`the warm-up of ${options.warmup} s ends after --window-at ${options.windowAt}: this run's window starts late`);
    }
    if (options.warmup > 0) {
      log(`warming up: the same ${posting ? 'writes' : ''}${posting && upload ? ' and ' : ''}${upload ? 'uploads' : ''}`
        + ` for ${options.warmup} s, not measured`);
      // Sampled like the measured window (warmupSamples): how the JIT's share falls after the server's start.
      const warming = sampler(metrics, pid);
      warmupSamples = warming.samples;
      const warmUploads = upload ? new Uploads(uploader, upload.multipart) : null;
      if (warmUploads) uploaders.push(warmUploads);
      await Promise.all([
        posting && new Writes(admin, posts, { published: options.published, warmup: true })
          .run({ rate: options.rate, concurrency: options.concurrency, seconds: options.warmup }),
        warmUploads?.run({ clients: options.uploads, seconds: options.warmup }),
      ]).finally(() => warming.stop());
      if (warmUploads) {
        const w = warmUploads.summary();
        uploadWarmup = { attempted: w.attempted, ok: w.ok, status: w.status };
      }
      await sleep(options.settle * 1000);
    }

    const load = loadAverage();
    log(`load average ${load.join(' ')}; ${posting ? 'writing' : 'no writes'} for ${options.duration} s`
      + (!posting ? '' : options.rate > 0 ? ` at ${options.rate}/s` : ` at max (concurrency ${options.concurrency})`)
      + (upload ? `, ${options.uploads} upload clients` : ''));
    const recording = options.jfr && pid ? flightRecording(pid) : false;
    workers.forEach((w) => w.send({ type: 'measure' }));
    const cpuBefore = process.cpuUsage();
    const procBefore = processFigures(pid);
    const threadsBefore = threadSnapshot(pid);
    const uptimeAtWindowStart = processUptime(pid);
    const machineBefore = machineCpu();
    const wallBefore = performance.now();
    const samples = sampler(metrics, pid);
    const writes = new Writes(admin, posts, { published: options.published });
    const uploads = upload ? new Uploads(uploader, upload.multipart) : null;
    if (uploads) uploaders.push(uploads);
    const [writeWindow, uploadWindow] = await Promise.all([
      posting && writes.run({ rate: options.rate, concurrency: options.concurrency, seconds: options.duration }),
      uploads?.run({ clients: options.uploads, seconds: options.duration }),
    ]);
    const window = writeWindow || uploadWindow;
    if (uploads) log(`uploads done: ${JSON.stringify(uploads.summary().status)}`);
    log(`writes done: ${JSON.stringify(writes.summary().status)}; waiting for deliveries`);
    const drained = await drain(workers, writes, options.drain);
    samples.stop();
    const wallSeconds = (performance.now() - wallBefore) / 1000;
    const procAfter = processFigures(pid);
    const threadsAfter = threadSnapshot(pid);
    const machineAfter = machineCpu();
    const coordinatorCpu = process.cpuUsage(cpuBefore);
    const speedAfterWindow = referenceLoopMs();
    const reports = await request(workers, { type: 'report', keys: writes.keys }, 'report');
    const jfrFile = resolve(repoRoot, options.out, `${options.preset}-${startedAt.toISOString().replace(/[:.]/g, '-')}.jfr`);
    if (recording && flightRecording(pid, jfrFile)) log(`profile of the measured window: node bench/src/profile.js ${jfrFile}`);
    const end = await memoryFigures(metrics, pid).catch(() => null);
    const uploadsDeleted = uploaders.length ? await deleteUploads() : null;
    if (uploadsDeleted) log(`deleted the run's uploads: ${JSON.stringify(uploadsDeleted)}`);

    const report = buildReport({
      options, startedAt, load, pid, idle, loaded, end, connected, connectSeconds, total, staff, readers,
      writes, window, drained, reports, samples: samples.samples, wallSeconds, coordinatorCpu,
      uploads, uploadWindow, uploadWarmup, uploadsDeleted, photo: upload?.photo,
      serverCpu: procBefore && procAfter ? (procAfter.cpuSeconds - procBefore.cpuSeconds) / wallSeconds : null,
      threadCpu: cpuByGroup(threadsBefore, threadsAfter), uptimeAtWindowStart, warmupSamples,
      machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
      loopback, referenceLoopMs: { atStart: speedAtStart, afterWindow: speedAfterWindow },
    });
    printSummary(report);
    const file = writeReport(report, resolve(repoRoot, options.out));
    log(`report written to ${file}`);
    if (report.deliveries.lost > 0 || report.deliveries.duplicated > 0) process.exitCode = 2;
  } finally {
    await cleanUp();
  }
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
