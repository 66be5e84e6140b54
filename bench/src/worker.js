// A worker process: holds its share of the WebSocket clients, times and counts every delivery, and reports to
// the coordinator (cli.js) over the IPC channel. One event loop per worker; several workers per run.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import hdr from 'hdr-histogram-js';
import WebSocket from 'ws';
import { Ledger, nowMicros, postId, readEvent } from './ledger.js';

const PING_EVERY_SECONDS = 30; // the server closes sockets silent for 60 s (blog.realtime.idle-timeout)

const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000,
  numberOfSignificantValueDigits: 3, useWebAssembly: false });

const latency = newHistogram(); // µs, write sent -> frame received
const connect = newHistogram(); // µs, socket opened -> ready frame
const clients = [];
const perSecond = new Map(); // second (monotonic) -> deliveries
const closes = {};
const firstKey = []; // seq -> "postId:version" as first received
const firstVersion = [];
let mismatched = 0;
let foreign = 0; // events no bench write caused
let deliveries = 0;
let loopDelay = null;
let cpuStart = null;
let measureStart = 0;
let expected = null;

function onControlFrame(client, data, now) {
  if (data.includes('"type":"ready"')) {
    const ready = JSON.parse(data);
    client.epoch = ready.epoch;
    client.position = Math.max(client.position, ready.position);
    if (client.readyAt === 0) {
      client.readyAt = now;
      client.onReady?.();
    }
  } else if (data.includes('"type":"resync"')) {
    resyncs.count++;
  }
}

function onFrame(client, data) {
  const now = nowMicros();
  const event = readEvent(data);
  if (event === null) {
    onControlFrame(client, data, now);
    return;
  }
  if (event.position > client.position) client.position = event.position;
  if (event.seq < 0) {
    foreign++;
    return;
  }
  deliveries++;
  client.ledger.record(event.seq);
  latency.recordValue(Math.max(1, now - event.sent));
  const second = Math.floor(now / 1_000_000);
  perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  // The first copy of a write in this worker names its post and version; every other copy must agree.
  if (firstKey[event.seq] === undefined) {
    firstKey[event.seq] = `${postId(data, event)}:${event.version}`;
    firstVersion[event.seq] = event.version;
  } else if (firstVersion[event.seq] !== event.version) {
    mismatched++;
  }
}

// Close codes after which a client must not reconnect (docs/websocket-protocol.md); all others resume.
const FINAL_CLOSES = new Set([1000, 1002, 1003, 1007, 1009, 4001, 4009]);
const reconnects = {};
const resyncs = { count: 0 };
let stopping = false;
let initMsg = null;

function hello(client) {
  if (!client.staff && client.position < 0) return '{"type":"hello"}';
  const frame = { type: 'hello' };
  if (client.staff) frame.token = initMsg.token;
  if (client.position >= 0) {
    frame.since = client.position;
    frame.epoch = client.epoch;
  }
  return JSON.stringify(frame);
}

/** Opens (or reopens, resuming from its last position) one client; resolves when it is ready or failed. */
function open(client) {
  return new Promise((resolve) => {
    client.openedAt = nowMicros();
    client.readyAt = 0;
    const ws = new WebSocket(initMsg.wsUrl, {
      localAddress: client.localAddress,
      perMessageDeflate: initMsg.deflate,
      skipUTF8Validation: true,
      handshakeTimeout: 30_000,
    });
    client.ws = ws;
    let settled = false;
    const done = (ok, why) => {
      if (!settled) {
        settled = true;
        resolve({ ok, why });
      }
    };
    client.onReady = () => done(true);
    // Only the client's current connection counts: a timed-out attempt that lingers must not deliver frames
    // (they would look like duplicates) nor trigger a reconnect of its own.
    const current = () => client.ws === ws;
    ws.on('open', () => ws.send(hello(client)));
    ws.on('message', (data) => {
      if (current()) onFrame(client, data);
    });
    ws.on('error', (e) => {
      done(false, e.code ?? e.message);
      ws.terminate();
    });
    ws.on('close', (code) => {
      done(false, `close ${code}`);
      if (!current() || client.readyAt === 0 || stopping) return;
      client.ws = null;
      closes[code] = (closes[code] ?? 0) + 1;
      if (!FINAL_CLOSES.has(code)) reconnect(client, code, 0);
    });
  });
}

/** Reconnects with back-off and full jitter, at once after 1012, as the protocol asks of clients. */
function reconnect(client, code, attempt) {
  const delay = code === 1012 ? 0 : Math.random() * Math.min(5000, 250 * 2 ** attempt);
  setTimeout(async () => {
    if (stopping) return;
    reconnects[code] = (reconnects[code] ?? 0) + 1;
    const result = await open(client);
    if (!result.ok && !stopping) {
      client.ws?.terminate();
      client.ws = null;
      reconnect(client, code, attempt + 1);
    }
  }, delay);
}

async function connectAll() {
  const failures = {};
  let next = 0;
  let ok = 0;
  let retried = 0;
  const lane = async () => {
    while (next < clients.length) {
      const client = clients[next++];
      client.firstOpenedAt = nowMicros();
      for (let attempt = 1; ; attempt++) {
        const result = await open(client);
        if (result.ok) {
          ok++;
          connect.recordValue(Math.max(1, client.readyAt - client.firstOpenedAt));
          break;
        }
        client.ws?.terminate();
        client.ws = null;
        if (attempt === 3) {
          failures[result.why] = (failures[result.why] ?? 0) + 1;
          break;
        }
        retried++;
        failures[`retried after ${result.why}`] = (failures[`retried after ${result.why}`] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(initMsg.connectConcurrency, clients.length) }, lane));
  return { ok, failures, retried };
}

function startPings() {
  let tick = 0;
  setInterval(() => {
    tick++;
    for (let i = tick % PING_EVERY_SECONDS; i < clients.length; i += PING_EVERY_SECONDS) {
      const ws = clients[i].ws;
      if (ws?.readyState === WebSocket.OPEN && clients[i].readyAt !== 0) ws.send('{"type":"ping"}');
    }
  }, 1000).unref();
}

function settleAll(keys) {
  const totals = { lost: 0, duplicated: 0, unexpected: 0, clientsWithLoss: 0, firstMissing: null };
  for (const client of clients) {
    const r = client.ledger.settle(expected, client.staff);
    totals.lost += r.lost;
    totals.duplicated += r.duplicated;
    totals.unexpected += r.unexpected;
    if (r.lost > 0) {
      totals.clientsWithLoss++;
      totals.firstMissing ??= { client: client.id, seq: r.missingFirst };
    }
  }
  let wrongKey = 0;
  firstKey.forEach((key, seq) => {
    if (keys[seq] && key !== keys[seq]) wrongKey++;
  });
  return { ...totals, wrongKey, mismatched };
}

const handlers = {
  async init(msg) {
    initMsg = msg;
    for (const c of msg.clients) clients.push({ ...c, ledger: new Ledger(), position: -1, epoch: null, readyAt: 0 });
    const started = nowMicros();
    startPings();
    const result = await connectAll();
    process.send({ type: 'connected', ...result, seconds: (nowMicros() - started) / 1e6 });
  },
  measure() {
    loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    cpuStart = process.cpuUsage();
    measureStart = nowMicros();
    foreign = 0;
    latency.reset();
    perSecond.clear();
  },
  expect(msg) {
    expected = Buffer.from(msg.expected, 'base64');
    const complete = clients.every((c) => c.ledger.complete(expected, c.staff));
    process.send({ type: 'progress', complete, deliveries });
  },
  report(msg) {
    stopping = true;
    loopDelay?.disable();
    const cpu = process.cpuUsage(cpuStart);
    const wallMicros = nowMicros() - measureStart;
    const open = clients.filter((c) => c.ws?.readyState === WebSocket.OPEN).length;
    process.send({
      type: 'report',
      latency: hdr.encodeIntoCompressedBase64(latency),
      connect: hdr.encodeIntoCompressedBase64(connect),
      perSecond: [...perSecond.entries()],
      deliveries, foreign, closes, reconnects, resyncs: resyncs.count, open,
      accounting: settleAll(msg.keys),
      cpu: { user: cpu.user, system: cpu.system, wallMicros },
      loopDelayMs: loopDelay && {
        mean: loopDelay.mean / 1e6, p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      },
      rssBytes: process.memoryUsage().rss,
    });
  },
  close() {
    stopping = true;
    for (const c of clients) c.ws?.terminate();
    setTimeout(() => process.exit(0), 200);
  },
};

process.on('message', (msg) => {
  Promise.resolve(handlers[msg.type](msg)).catch((e) => {
    process.send({ type: 'failed', message: e.stack ?? String(e) });
  });
});
process.on('disconnect', () => process.exit(0));
