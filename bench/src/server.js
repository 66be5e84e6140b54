// The system under test: starting it (--start), finding its process when it runs on this machine, and reading
// its figures (heap from /actuator/prometheus, RSS and descriptors from /proc, CPU from /proc/<pid>/stat).
// The scrape is not open to anyone: the tool sends the bench ADMIN's token, or reads a management port
// (--metrics-url) where no token is needed (docs/operations.md, "Who sees what").
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** `--jvm "-XX:A -XX:B"` as separate arguments (none contains a space). */
export function jvmOptions(text) {
  return (text ?? '').split(/\s+/).filter(Boolean);
}

/** Starts the packaged app on embedded defaults (H2 + embedded Kafka) in a fresh data folder. */
export function startServer(options, repoRoot) {
  const dataDir = mkdtempSync(join(options.dataRoot || tmpdir(), 'blog-bench-'));
  const log = join(dataDir, 'server.log');
  const jvm = [`-Xmx${options.heap}`, '-XX:+ExitOnOutOfMemoryError', ...jvmOptions(options.jvm)];
  const child = spawn('java', [...jvm, '-jar', resolve(repoRoot, options.jar)], {
    env: {
      ...process.env,
      PORT: String(options.port),
      BLOG_DATA_DIR: dataDir,
      BLOG_KAFKA_EMBEDDED_PORT: '0',
      BLOG_KAFKA_EMBEDDED_CONTROLLERPORT: '0',
      BLOG_ADMIN_EMAIL: options.email,
      BLOG_ADMIN_PASSWORD: options.password,
      ...options.serverEnv,
    },
    stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')],
  });
  return { pid: child.pid, child, dataDir, log };
}

export async function stopServer(server) {
  if (!server?.child || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  for (let i = 0; i < 100 && server.child.exitCode === null; i++) await sleep(100);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

export async function waitReady(url, timeoutSeconds = 180, server = null) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (server?.child && server.child.exitCode !== null) {
      throw new Error(`The server exited with ${server.child.exitCode}; see ${server.log}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch { /* not yet listening */ }
    await sleep(500);
  }
  throw new Error(`${url} was not ready within ${timeoutSeconds} s`);
}

/** The pid of the process listening on the port, if it runs here (ss prints it for our own processes). */
export function findPid(port) {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const match = out.match(/pid=(\d+)/);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Where the Prometheus text comes from: `metricsUrl` (a management port, no token) when given, else the app's
 * own URL with an ADMIN access token from `login()`, fetched once and again when the server answers 401 (the
 * token lived out its 15 minutes).
 */
export function metricsSource({ url, metricsUrl, login }) {
  if (metricsUrl) return { url: metricsUrl.replace(/\/$/, ''), token: async () => null };
  let token = null;
  return {
    url,
    token: async (renew = false) => {
      if (token === null || renew) token = await login();
      return token;
    },
  };
}

async function prometheusText(source) {
  const get = async (token) => fetch(`${source.url}/actuator/prometheus`,
    { headers: token ? { authorization: `Bearer ${token}` } : {} });
  let res = await get(await source.token());
  if (res.status === 401) res = await get(await source.token(true));
  if (!res.ok) throw new Error(`${source.url}/actuator/prometheus answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return res.text();
}

/** Heap used (bytes, all heap pools) and CPU as the server itself reports them. */
export async function scrape(source) {
  const text = await prometheusText(source);
  const sum = (name, filter = () => true) => text.split('\n')
    .filter((line) => line.startsWith(name) && filter(line))
    .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return {
    heapUsed: sum('jvm_memory_used_bytes{', (l) => l.includes('area="heap"')),
    processCpuUsage: sum('process_cpu_usage '),
    threads: sum('jvm_threads_live_threads '),
    sessionsStaff: sum('blog_realtime_sessions{', (l) => l.includes('audience="staff"')),
    sessionsPublic: sum('blog_realtime_sessions{', (l) => l.includes('audience="public"')),
    delivered: sum('blog_realtime_delivered_total{'),
    slowCloses: sum('blog_realtime_slow_closes_total'),
  };
}

/** Starts or stops (into `file`) a JFR recording of the server's CPU samples for the measured window. */
export function flightRecording(pid, file) {
  const args = file ? ['JFR.stop', 'name=bench', `filename=${file}`] : ['JFR.start', 'name=bench', 'settings=profile'];
  try {
    execFileSync('jcmd', [String(pid), ...args], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Full GC, so that heap used is what is live (needs the server on this machine). */
export function gc(pid) {
  try {
    execFileSync('jcmd', [String(pid), 'GC.run'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** The top of the server's live-object histogram (jcmd GC.class_histogram): what the heap per socket is made of. */
export function classHistogram(pid, top = 25) {
  try {
    const out = execFileSync('jcmd', [String(pid), 'GC.class_histogram'], { encoding: 'utf8', timeout: 120_000,
      maxBuffer: 64 * 2 ** 20 });
    return out.split('\n').filter((l) => /^\s*\d+:/.test(l)).slice(0, top).map((l) => {
      const [, instances, bytes, name] = l.trim().split(/\s+/);
      return { name, instances: Number(instances), bytes: Number(bytes) };
    });
  } catch {
    return null;
  }
}

export function processFigures(pid) {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(status.match(/VmRSS:\s+(\d+)/)[1]);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const fds = readdirSync(`/proc/${pid}/fd`).length;
    const limit = readFileSync(`/proc/${pid}/limits`, 'utf8').match(/Max open files\s+(\d+)/);
    return { rssBytes: rssKb * 1024, cpuSeconds, fds, fdLimit: limit ? Number(limit[1]) : null };
  } catch {
    return null;
  }
}

/** Whole-machine CPU: busy and total jiffies over all cores (/proc/stat), for the load beside each figure. */
export function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + line[4];
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * The machine's speed as a fixed, single-threaded piece of work takes it: 100 million rounds of xorshift, in ms.
 * Shared virtual machines differ from day to day and within an hour (the same jar measured 145 and 244 writes/s an
 * hour apart); this is what to compare before comparing two runs' CPU figures. Lower is faster.
 */
export function referenceLoopMs(iterations = 100_000_000) {
  const start = process.hrtime.bigint();
  let x = 2463534242;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return x === 0 ? ms + 1 : Math.round(ms); // x is never 0: the loop's result is used, so it is not optimised away
}

export function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}
