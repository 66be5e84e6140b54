// A worker process: holds its share of the WebSocket clients, times and counts every delivery, and reports to
// the coordinator (cli.js) over the IPC channel. One event loop per worker; several workers per run.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import hdr from 'hdr-histogram-js';
import WebSocket from 'ws';
import { Ledger, nowMicros, readEvent } from './ledger.js';

const PING_EVERY_SECONDS = 30; // the server closes sockets silent for 60 s (blog.realtime.idle-timeout)

const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000,
  numberOfSignificantValueDigits: 3, useWebAssembly: false });

const latency = newHistogram(); // µs, write sent -> frame received
const connect = newHistogram(); // µs, socket opened -> ready frame
const clients = [];
const perSecond = new Map(); // second (monotonic) -> deliveries
const closes = {};
const firstKey = []; // seq -> "postId:version" as first received
let mismatched = 0;
let foreign = 0; // events no bench write caused
let deliveries = 0;
let loopDelay = null;
let cpuStart = null;
let measureStart = 0;
let expected = null;

function onFrame(client, data) {
  const now = nowMicros();
  const event = readEvent(data);
  if (event === null) {
    if (client.readyAt === 0 && data.includes('"type":"ready"')) {
      client.readyAt = now;
      connect.recordValue(Math.max(1, now - client.openedAt));
      client.onReady?.();
    }
    return;
  }
  if (event.seq < 0) {
    foreign++;
    return;
  }
  deliveries++;
  client.ledger.record(event.seq);
  latency.recordValue(Math.max(1, now - event.sent));
  const second = Math.floor(now / 1_000_000);
  perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  const key = `${event.postId}:${event.version}`;
  const first = firstKey[event.seq];
  if (first === undefined) firstKey[event.seq] = key;
  else if (first !== key) mismatched++;
}

function open(client, init) {
  return new Promise((resolve) => {
    client.openedAt = nowMicros();
    client.readyAt = 0;
    const ws = new WebSocket(init.wsUrl, {
      localAddress: client.localAddress,
      perMessageDeflate: init.deflate,
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
    ws.on('open', () => ws.send(JSON.stringify(client.staff ? { type: 'hello', token: init.token } : { type: 'hello' })));
    ws.on('message', (data) => onFrame(client, data));
    ws.on('error', (e) => done(false, e.code ?? e.message));
    ws.on('close', (code) => {
      if (settled) closes[code] = (closes[code] ?? 0) + 1;
      done(false, `close ${code}`);
    });
  });
}

async function connectAll(init) {
  const failures = {};
  let next = 0;
  let ok = 0;
  const lane = async () => {
    while (next < clients.length) {
      const client = clients[next++];
      const result = await open(client, init);
      if (result.ok) ok++;
      else failures[result.why] = (failures[result.why] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(init.connectConcurrency, clients.length) }, lane));
  return { ok, failures };
}

function startPings() {
  let tick = 0;
  setInterval(() => {
    tick++;
    for (let i = tick % PING_EVERY_SECONDS; i < clients.length; i += PING_EVERY_SECONDS) {
      const ws = clients[i].ws;
      if (ws?.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}');
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
    for (const c of msg.clients) clients.push({ ...c, ledger: new Ledger() });
    const started = nowMicros();
    const result = await connectAll(msg);
    startPings();
    process.send({ type: 'connected', ...result, seconds: (nowMicros() - started) / 1e6 });
  },
  measure() {
    loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    cpuStart = process.cpuUsage();
    measureStart = nowMicros();
    latency.reset();
    perSecond.clear();
  },
  expect(msg) {
    expected = Buffer.from(msg.expected, 'base64');
    const complete = clients.every((c) => c.ledger.complete(expected, c.staff));
    process.send({ type: 'progress', complete, deliveries });
  },
  report(msg) {
    loopDelay?.disable();
    const cpu = process.cpuUsage(cpuStart);
    const wallMicros = nowMicros() - measureStart;
    const open = clients.filter((c) => c.ws?.readyState === WebSocket.OPEN).length;
    process.send({
      type: 'report',
      latency: hdr.encodeIntoCompressedBase64(latency),
      connect: hdr.encodeIntoCompressedBase64(connect),
      perSecond: [...perSecond.entries()],
      deliveries, foreign, closes, open,
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
