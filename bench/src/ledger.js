// What each write carries so that a client can time and count its delivery, and the per-client accounting of
// lost and duplicated deliveries. No JSON parsing on the hot path: a worker receives up to ~100,000 frames/s
// on a core it shares with the server, so it looks for a few byte patterns in the frame instead.

const EVENT_PREFIX = Buffer.from('{"type":"event"');
const MARKER = Buffer.from('bench seq=');
const POST_ID = Buffer.from('"postId":"');
const POSITION = Buffer.from('"position":');
const VERSION = Buffer.from('"version":');

/**
 * The excerpt of write number `seq`, sent at `sentMicros` (process.hrtime, microseconds: CLOCK_MONOTONIC,
 * the same clock in every process of the machine).
 */
export function marker(seq, sentMicros) {
  return `bench seq=${seq} t=${sentMicros}`;
}

export function nowMicros() {
  return Number(process.hrtime.bigint() / 1000n);
}

function digitsAt(buf, at) {
  let value = 0;
  let i = at;
  for (; i < buf.length; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  return i === at ? -1 : value;
}

/**
 * Reads a frame (a Buffer). Returns null for control frames (ready, heartbeat, pong), else
 * `{seq, sent, version, position, postIdAt}`; `seq` is -1 for an event that no bench write caused; `postId(buf,
 * event)` reads the post id.
 */
export function readEvent(buf) {
  if (buf.length < EVENT_PREFIX.length || buf.compare(EVENT_PREFIX, 0, EVENT_PREFIX.length, 0, EVENT_PREFIX.length) !== 0) {
    return null;
  }
  const at = buf.indexOf(POSITION, EVENT_PREFIX.length);
  const position = at < 0 ? -1 : digitsAt(buf, at + POSITION.length);
  const p = buf.indexOf(POST_ID);
  // The post id is read only when asked (a string per delivery is measurable at 100,000 deliveries/s).
  const postIdAt = p < 0 ? -1 : p + POST_ID.length;
  const v = p < 0 ? -1 : buf.indexOf(VERSION, p);
  const version = v < 0 ? -1 : digitsAt(buf, v + VERSION.length);
  const m = buf.indexOf(MARKER);
  if (m < 0) return { seq: -1, sent: -1, version, position, postIdAt };
  const seqAt = m + MARKER.length;
  const seq = digitsAt(buf, seqAt);
  let t = seqAt;
  while (t < buf.length && buf[t] !== 0x3d /* = */) t++;
  const sent = digitsAt(buf, t + 1);
  return { seq, sent, version, position, postIdAt };
}

export function postId(buf, event) {
  return event.postIdAt < 0 ? null : buf.toString('latin1', event.postIdAt, event.postIdAt + 36);
}

/**
 * How often one client received each write (by seq). At the end it is compared with the writes the server
 * acknowledged that this client may see: one reception each is right, none is a loss, more is a duplicate.
 */
export class Ledger {
  constructor(capacity = 1024) {
    this.counts = new Uint8Array(capacity);
    this.received = 0;
  }

  record(seq) {
    if (seq >= this.counts.length) {
      let size = this.counts.length * 2;
      while (size <= seq) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.counts);
      this.counts = grown;
    }
    if (this.counts[seq] < 255) this.counts[seq]++;
    this.received++;
  }

  countOf(seq) {
    return seq < this.counts.length ? this.counts[seq] : 0;
  }

  /**
   * Compares with the expected writes. `expected` is a Uint8Array by seq: 0 = no event expected (the write
   * failed), 1 = expected by every client, 2 = expected by staff only (the post is not public), 3 = outcome
   * unknown (the write timed out: the event may or may not come, so it is not counted either way).
   */
  settle(expected, staff) {
    let lost = 0;
    let duplicated = 0;
    let unexpected = 0;
    let missingFirst = -1;
    const n = Math.max(expected.length, this.counts.length);
    for (let seq = 0; seq < n; seq++) {
      const want = seq < expected.length ? expected[seq] : 0;
      const got = this.countOf(seq);
      if (want === 3) continue;
      const wanted = want === 1 || (want === 2 && staff);
      if (wanted && got === 0) {
        lost++;
        if (missingFirst < 0) missingFirst = seq;
      } else if (wanted && got > 1) {
        duplicated += got - 1;
      } else if (!wanted && got > 0) {
        unexpected += got;
      }
    }
    return { lost, duplicated, unexpected, missingFirst };
  }

  /** Whether every expected write has arrived (so the run can stop waiting). */
  complete(expected, staff, upTo = expected.length) {
    for (let seq = 0; seq < upTo; seq++) {
      const want = expected[seq];
      if ((want === 1 || (want === 2 && staff)) && this.countOf(seq) === 0) return false;
    }
    return true;
  }
}
