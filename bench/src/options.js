// Named presets (issue #6) and the command line that picks one and overrides its fields.

/**
 * A preset: how many staff and public sockets, how fast to write (writes/s; 0 with `concurrency` = as fast as
 * the server answers; 0 without `concurrency` = no writes, only uploads), for how long, on how many posts,
 * whether those posts are published (then public sockets receive the writes too), and how many staff clients
 * upload a ~3 MB photo alongside, each the next as soon as the last is answered (`uploads`, issue #14).
 */
const FANOUT = { staff: 2000, public: 0, rate: 25, duration: 60, posts: 50, published: false };

export const PRESETS = {
  smoke: { staff: 100, public: 0, rate: 20, duration: 15, posts: 20, published: false },
  fanout: FANOUT,
  wide: { staff: 1000, public: 9000, rate: 10, duration: 60, posts: 20, published: true },
  // Mostly idle sockets up to the file-descriptor limit: `auto` fills the server's free descriptors but a margin.
  sockets: { staff: 500, public: 'auto', rate: 1, duration: 30, posts: 5, published: true },
  // As many writes/s as the server takes (closed loop with `concurrency` writes in flight), one event each.
  writes: { staff: 1000, public: 0, rate: 0, concurrency: 16, duration: 30, posts: 400, published: false },
  // Uploads alone, no sockets and no writes: uploads/s and the server's CPU per upload.
  uploads: { staff: 0, public: 0, rate: 0, concurrency: 0, duration: 60, posts: 1, published: false, uploads: 2 },
  // `fanout` with the uploads alongside: the same sockets and writes, so its delivery latency compares with fanout's.
  'fanout-uploads': { ...FANOUT, uploads: 2 },
};

const DEFAULTS = {
  url: 'http://127.0.0.1:18501',
  metricsUrl: '', // the app's management port (http://host:port) to scrape without a token; empty: the app's url with the admin's token
  start: false,
  jar: 'target/realtime-blog.jar',
  port: 18501,
  workers: 0, // 0: one per 2,500 sockets, at least 2
  perAddress: 1000, // sockets per loopback source address (127.0.0.2, .3, ...) before moving to the next
  connectConcurrency: 200, // handshakes in flight per worker
  concurrency: 0, // open-loop writes: in-flight limit (0 = number of posts)
  drain: 15, // after the writes, stop waiting for deliveries once none came for this many seconds
  settle: 3, // seconds between the last socket opening and the first write
  warmup: 60, // seconds of the same writes before the measured window (the server's JIT compiles its hot paths), not counted
  windowAt: '', // an ISO date-time: the warm-up lasts until then (at least `warmup` seconds), so that two runs side by side measure the same moment
  fdMargin: 1100, // descriptors left free on the server for `auto`: its connection cap (server.tomcat.max-connections, 19,000) sits 1,000 below the 20,000 descriptors, and its own metrics request needs one of those connections
  deflate: false, // offer permessage-deflate as browsers do
  heap: '3g', // with --start: the server's -Xmx (19,000 sockets take ~1.6 GB)
  jvm: '', // with --start: more JVM options for the server, space-separated (e.g. "-XX:TieredStopAtLevel=1")
  dataRoot: '', // with --start: where the fresh data folder goes (default the system's temp folder; /dev/shm: no disk)
  classHistogram: false, // the server's live objects by class with the sockets open (jcmd), per socket
  jfr: false, // record a JFR profile of the server (on this machine) during the writes and deliveries
  out: 'target/bench',
  email: process.env.BLOG_ADMIN_EMAIL ?? 'bench-admin@localhost',
  password: process.env.BLOG_ADMIN_PASSWORD ?? 'bench-admin-password',
  serverPid: 0,
  uploads: 0, // staff clients uploading the photo alongside the writes (closed loop each), 0 = none
  uploadFile: '', // upload this image instead of the generated ~3 MB photo (bench/src/image.js)
};

const NUMBERS = new Set(['staff', 'public', 'rate', 'duration', 'posts', 'concurrency', 'workers', 'perAddress',
  'connectConcurrency', 'drain', 'settle', 'warmup', 'fdMargin', 'port', 'serverPid', 'uploads']);
const FLAGS = new Set(['start', 'published', 'deflate', 'jfr', 'classHistogram']);

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** Parses `--preset NAME --key value --flag ...` into the effective options; throws on anything unknown. */
export function parseOptions(argv) {
  const given = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    let [name, value] = arg.slice(2).split('=', 2);
    name = camel(name);
    const negated = name.startsWith('no') && name.length > 2 ? camel(name[2].toLowerCase() + name.slice(3)) : null;
    if (FLAGS.has(name) || FLAGS.has(negated)) {
      given[FLAGS.has(name) ? name : negated] = FLAGS.has(name) && value !== 'false';
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    given[name] = value;
  }
  const presetName = given.preset ?? 'smoke';
  const preset = PRESETS[presetName];
  if (!preset) throw new Error(`Unknown preset "${presetName}" (one of ${Object.keys(PRESETS).join(', ')})`);
  delete given.preset;
  const options = { ...DEFAULTS, ...preset, preset: presetName };
  for (const [name, value] of Object.entries(given)) {
    if (!(name in options)) throw new Error(`Unknown option --${name}`);
    if (NUMBERS.has(name) && !(name === 'public' && value === 'auto')) {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a number >= 0, got "${value}"`);
      options[name] = number;
    } else {
      options[name] = value;
    }
  }
  if (given.port !== undefined && given.url === undefined) options.url = `http://127.0.0.1:${options.port}`;
  if (given.url !== undefined) options.port = Number(new URL(options.url).port || 80);
  if (options.rate === 0 && !options.concurrency && !options.uploads) {
    throw new Error('--rate 0 (as fast as possible) needs --concurrency (or --uploads N for uploads alone)');
  }
  if (options.windowAt && !Number.isFinite(Date.parse(options.windowAt))) {
    throw new Error(`--window-at must be an ISO date-time (e.g. 2026-12-07T23:55:00Z), got "${options.windowAt}"`);
  }
  if (options.duration <= 0) throw new Error('--duration must be > 0');
  if (options.posts < 1) throw new Error('--posts must be >= 1');
  return options;
}

/**
 * Seconds of warm-up for a run whose warm-up starts {@code now} (ms): `warmup`, or longer if `windowAt` is later, so
 * that the measured window starts at `windowAt` (two servers started together get ready at different times).
 */
export function warmupSeconds(options, now) {
  if (!options.windowAt) return options.warmup;
  return Math.max(options.warmup, (Date.parse(options.windowAt) - now) / 1000);
}

/** Whether the run writes posts at all (a run of uploads alone does not). */
export function writing(options) {
  return options.rate > 0 || options.concurrency > 0;
}

/** How many workers: enough that none holds more than 2,500 sockets (descriptors and one event loop each). */
export function workerCount(options, sockets) {
  if (options.workers > 0) return options.workers;
  return Math.max(2, Math.ceil(sockets / 2500));
}

/**
 * Splits staff and public sockets over the workers, each socket with its loopback source address (127.0.0.2,
 * 127.0.0.3, ...; `perAddress` each), so that tens of thousands of sockets do not run out of ephemeral ports.
 */
export function assignClients({ staff, public: readers, workers, perAddress, loopback }) {
  const plans = Array.from({ length: workers }, (_, w) => ({ worker: w, clients: [] }));
  const total = staff + readers;
  for (let i = 0; i < total; i++) {
    const localAddress = loopback ? `127.0.0.${2 + (Math.floor(i / perAddress) % 250)}` : undefined;
    plans[i % workers].clients.push({ id: i, staff: i < staff, localAddress });
  }
  return plans;
}
