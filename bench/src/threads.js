// Where the server's CPU goes: CPU per thread group over the measured window, from /proc/<pid>/task/<tid>/stat
// (utime + stime) and the thread's name from /proc/<pid>/task/<tid>/comm, sampled at the start and at the end.
// Linux cuts `comm` to 15 characters, so the patterns below match the cut names (docs/benchmarks.md, "Method",
// holds the same table). The /proc root is a parameter so that the tests read fixture trees.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CLOCK_TICKS = 100; // USER_HZ on Linux: the unit of utime/stime

/**
 * The thread groups, in report order; a thread belongs to the first group whose pattern matches its 15-character
 * name, else to `other`. Names taken from a running server (`--start`; `/proc/<pid>/task/<tid>/comm` of every
 * thread, kept in test/fixtures/server-thread-names.txt) and from the code (FanOutThreads, ReplayPool,
 * EventStream, PresenceStream, OutboxRelay, ImageProcessor).
 */
export const THREAD_GROUPS = [
  // Tomcat's connector: request threads (REST, WebSocket reads and write completions), poller, acceptor. With a
  // five-digit port the cut name ("http-nio-18501-") cannot tell the request threads from the poller.
  { group: 'requests', label: 'Tomcat request threads (+ poller, acceptor)', pattern: /^https?-(nio|nio2|jsse|openssl)/ },
  { group: 'fanOut', label: 'fan-out (realtime-fan-out-N)', pattern: /^realtime-fan-ou/ },
  { group: 'stream', label: 'event stream, replay, presence, ticker', pattern: /^(realtime-(stream|replay|ticker)|presence-(stream|sweepe))/ },
  { group: 'outbox', label: 'outbox relay', pattern: /^outbox-relay$/ },
  // Image uploads: ImageProcessor decodes, turns, resamples and re-encodes every rendition on a thread of its own
  // ("media-decode-N", started on demand, so none is alive before the first upload); reading the multipart body
  // and storing the renditions run on the request threads.
  { group: 'mediaDecode', label: 'media decode and re-encode (media-decode-N)', pattern: /^media-decode-/ },
  // The application's Kafka clients: the producer's I/O thread, Micrometer's Kafka client metrics, and (when
  // used) the admin client and consumer background threads; the consumers' polling runs on the stream threads.
  { group: 'kafkaClient', label: 'Kafka clients (producer I/O, client metrics)', pattern: /^(kafka-producer-|micrometer-kafk|kafka-admin-cli|kafka-coordinat|consumer_backgr)/ },
  // The embedded KRaft broker and controller (names as Kafka 4.1 gives them): network threads and request
  // handlers (data-plane-kafka-*), raft, metadata, log cleaner, schedulers, purgatory reapers, coordinators.
  { group: 'kafkaBroker', label: 'embedded Kafka broker and controller', pattern: /^(data-plane-kafk|kafka-|broker-|controller-|quorum-controll|raft-|ExpirationReape|group-coordinat|share-coordinat|share-group-|transaction-log|TxnMarkerSender|AddPartitionsTo|LogDirFailureHa|PersisterStateM|persister-state|SensorExpiryThr|client-metrics-|metrics-meter-t|executor-)/ },
  { group: 'jit', label: 'JIT compiler (C1, C2, code cache sweeper)', pattern: /^(C[12] CompilerThre|JVMCI|Sweeper thread)/ },
  // G1's workers and concurrent threads; the VM thread runs the safepoint operations, GC pauses among them.
  { group: 'gc', label: 'garbage collector (+ VM Thread)', pattern: /^(GC Thread|G1 |VM Thread$)/ },
  { group: 'database', label: 'database housekeeping (connection pools, drivers)', pattern: /^(HikariPool|mysql-cj-|MVStore |H2 )/ },
  { group: 'other', label: 'other (main, JVM service threads, schedulers, application background threads)', pattern: /(?:)/ },
];

/** The group of a thread, by its (cut) name. */
export function groupOf(name) {
  return THREAD_GROUPS.find((g) => g.pattern.test(name)).group;
}

/** utime, stime (clock ticks) and starttime from a stat line; the name in it may hold spaces and ')'. */
function parseStat(text) {
  const fields = text.slice(text.lastIndexOf(')') + 2).trim().split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime 15, starttime 22.
  return { utime: Number(fields[11]), stime: Number(fields[12]), start: fields[19] };
}

/**
 * One look at the process: its own utime/stime (which include threads that have already exited) and every live
 * thread's. A thread that exits while it is read is left out (its time stays in the process's figures).
 */
export function threadSnapshot(pid, procRoot = '/proc') {
  if (!pid) return null;
  try {
    const base = join(procRoot, String(pid));
    const process = parseStat(readFileSync(join(base, 'stat'), 'utf8'));
    const threads = new Map();
    for (const tid of readdirSync(join(base, 'task'))) {
      try {
        const stat = parseStat(readFileSync(join(base, 'task', tid, 'stat'), 'utf8'));
        const name = readFileSync(join(base, 'task', tid, 'comm'), 'utf8').replace(/\n$/, '');
        // tid and start time together: a tid reused by a later thread is another thread.
        threads.set(`${tid}@${stat.start}`, { tid: Number(tid), name, utime: stat.utime, stime: stat.stime });
      } catch { /* exited between the listing and the read */ }
    }
    return { process, threads };
  } catch {
    return null;
  }
}

/**
 * How long the server has run (seconds): the machine's uptime (/proc/uptime) less the process's start time
 * (field 22 of its stat, in ticks since boot). What "60 s after start" in the warm-up figures is measured from.
 */
export function processUptime(pid, procRoot = '/proc', ticksPerSecond = CLOCK_TICKS) {
  if (!pid) return null;
  try {
    const machine = Number(readFileSync(join(procRoot, 'uptime'), 'utf8').split(' ')[0]);
    const started = Number(parseStat(readFileSync(join(procRoot, String(pid), 'stat'), 'utf8')).start) / ticksPerSecond;
    return Number((machine - started).toFixed(1));
  } catch {
    return null;
  }
}

const emptyGroup = (g) => ({ group: g.group, label: g.label, threads: 0, userSeconds: 0, systemSeconds: 0 });

/**
 * CPU seconds per group between two snapshots. A thread alive at both counts the difference; a thread that
 * started inside the window counts all it has used (all of it inside the window); a thread that exited inside
 * the window is no longer in /proc, but the process's own utime/stime still hold its time, so what the process
 * used beyond its live threads goes to the pseudo-group `unattributed`, with the names the exited threads had at
 * the start when they were alive then. Every figure is in whole ticks (10 ms) and the kernel rounds each thread's
 * and the process's separately, so `unattributed` also holds up to a tick per busy thread per look (never below
 * 0): a few hundredths of a core over a 1 s sample, noise over a whole window.
 */
export function cpuByGroup(before, after, ticksPerSecond = CLOCK_TICKS) {
  if (!before || !after) return null;
  const groups = new Map(THREAD_GROUPS.map((g) => [g.group, emptyGroup(g)]));
  const otherNames = new Map();
  let userTicks = 0;
  let systemTicks = 0;
  for (const [key, t] of after.threads) {
    const start = before.threads.get(key) ?? { utime: 0, stime: 0 };
    const user = t.utime - start.utime;
    const system = t.stime - start.stime;
    const g = groups.get(groupOf(t.name));
    g.threads++;
    g.userSeconds += user / ticksPerSecond;
    g.systemSeconds += system / ticksPerSecond;
    userTicks += user;
    systemTicks += system;
    if (g.group === 'other' && user + system > 0) {
      otherNames.set(t.name, (otherNames.get(t.name) ?? 0) + (user + system) / ticksPerSecond);
    }
  }
  const exitedNames = [...before.threads.keys()].filter((k) => !after.threads.has(k))
    .map((k) => before.threads.get(k).name);
  const processUser = after.process.utime - before.process.utime;
  const processSystem = after.process.stime - before.process.stime;
  const unattributed = {
    group: 'unattributed', label: 'threads that exited inside the window, and tick rounding', threads: exitedNames.length,
    userSeconds: Math.max(0, processUser - userTicks) / ticksPerSecond,
    systemSeconds: Math.max(0, processSystem - systemTicks) / ticksPerSecond,
    exitedThreads: [...new Set(exitedNames)].sort(),
  };
  const list = [...groups.values(), unattributed].map((g) => ({ ...g, cpuSeconds: g.userSeconds + g.systemSeconds }));
  return {
    processSeconds: (processUser + processSystem) / ticksPerSecond,
    groups: list,
    // The busiest names that matched no pattern: where to look when `other` grows.
    otherThreads: [...otherNames.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)
      .map(([name, seconds]) => ({ name, cpuSeconds: seconds })),
  };
}

const round = (x, digits) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

/**
 * The report's view of the window: cores, share of the server's CPU and CPU per acknowledged write (and per stored
 * upload) for every group, and the server's CPU per write (ms), per delivery (µs) and per upload (ms), all threads
 * together (JIT and GC included).
 */
export function cpuFigures(byGroup, { wallSeconds, writes, deliveries, uploads = 0 }) {
  if (!byGroup) return null;
  const total = byGroup.processSeconds;
  return {
    cpuSecondsInWindow: round(total, 2),
    cpuPerWriteMs: writes > 0 ? round((total * 1000) / writes, 3) : null,
    cpuPerDeliveryUs: deliveries > 0 ? round((total * 1e6) / deliveries, 2) : null,
    cpuPerUploadMs: uploads > 0 ? round((total * 1000) / uploads, 1) : null,
    cpuByThreadGroup: byGroup.groups.map((g) => ({
      group: g.group,
      label: g.label,
      threads: g.threads,
      cores: round(g.cpuSeconds / wallSeconds, 3),
      userCores: round(g.userSeconds / wallSeconds, 3),
      systemCores: round(g.systemSeconds / wallSeconds, 3),
      share: total > 0 ? round(g.cpuSeconds / total, 3) : null,
      msPerWrite: writes > 0 ? round((g.cpuSeconds * 1000) / writes, 3) : null,
      msPerUpload: uploads > 0 ? round((g.cpuSeconds * 1000) / uploads, 1) : null,
      ...(g.exitedThreads ? { exitedThreads: g.exitedThreads } : {}),
    })),
    busiestOtherThreads: byGroup.otherThreads.map((t) => ({ name: t.name, cores: round(t.cpuSeconds / wallSeconds, 3) })),
  };
}

/** Cores per group between two snapshots `seconds` apart (the per-second samples). */
export function groupCores(before, after, seconds, ticksPerSecond = CLOCK_TICKS) {
  const byGroup = cpuByGroup(before, after, ticksPerSecond);
  if (!byGroup || !(seconds > 0)) return null;
  return Object.fromEntries(byGroup.groups.map((g) => [g.group, round(g.cpuSeconds / seconds, 3)]));
}

const SHORT = { requests: 'requests', fanOut: 'fan-out', stream: 'stream/replay', outbox: 'outbox relay',
  mediaDecode: 'media decode',
  kafkaClient: 'Kafka clients', kafkaBroker: 'Kafka broker', jit: 'JIT', gc: 'GC', database: 'database',
  other: 'other', unattributed: 'unattributed' };

/**
 * The summary's line: CPU per write and per delivery (and per upload when there were uploads), then every group
 * that used CPU, the busiest first.
 */
export function cpuSummary(cpu, cores) {
  if (!cpu) return 'server CPU by thread group: not measured (the server does not run on this machine)';
  const groups = cpu.cpuByThreadGroup.filter((g) => g.cores > 0).sort((a, b) => b.cores - a.cores)
    .map((g) => `${SHORT[g.group]} ${g.cores} (${Math.round(g.share * 100)} %)`);
  const perUpload = cpu.cpuPerUploadMs == null ? '' : `, ${cpu.cpuPerUploadMs} ms per upload`;
  return `server CPU: ${cpu.cpuSecondsInWindow} s in the window (${cores} cores) = ${cpu.cpuPerWriteMs ?? '-'} ms per write, `
    + `${cpu.cpuPerDeliveryUs ?? '-'} µs per delivery${perUpload}; cores by thread group: ${groups.join(', ') || 'none'}`;
}
