// The timed REST writes. Each write updates one post (one event), naming the version it started from; a post
// has at most one write in flight, so versions never collide. Open loop at `rate` writes/s, or closed loop
// (`rate` 0) with `concurrency` writes always in flight: as many as the server takes.
import hdr from 'hdr-histogram-js';
import { setTimeout as sleep } from 'node:timers/promises';
import { marker, nowMicros } from './ledger.js';

export const EXPECT_NONE = 0;
export const EXPECT_ALL = 1;
export const EXPECT_STAFF = 2;
export const EXPECT_UNKNOWN = 3;

export class Writes {
  constructor(api, posts, { published, warmup = false }) {
    this.api = api;
    // Warm-up writes carry no bench marker: clients see them as foreign events and count nothing.
    this.warmup = warmup;
    this.posts = posts;
    this.published = published;
    this.expected = new Uint8Array(1024);
    this.keys = [];
    this.seq = 0;
    this.next = 0;
    this.inFlight = 0;
    this.status = {};
    this.skipped = 0; // open loop: a write was due but every post still had one in flight
    this.roundTrip = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000,
      numberOfSignificantValueDigits: 3, useWebAssembly: false });
  }

  idlePost() {
    for (let i = 0; i < this.posts.length; i++) {
      const post = this.posts[(this.next + i) % this.posts.length];
      if (!post.busy) {
        this.next = (this.next + i + 1) % this.posts.length;
        return post;
      }
    }
    return null;
  }

  setExpected(seq, value) {
    if (seq >= this.expected.length) {
      const grown = new Uint8Array(Math.max(seq + 1, this.expected.length * 2));
      grown.set(this.expected);
      this.expected = grown;
    }
    this.expected[seq] = value;
  }

  async writeOne(post) {
    const seq = this.seq++;
    post.busy = true;
    this.inFlight++;
    this.setExpected(seq, EXPECT_UNKNOWN);
    const sent = nowMicros();
    try {
      const res = await this.api.update(post, this.warmup ? `warm-up ${seq}` : marker(seq, sent));
      this.roundTrip.recordValue(Math.max(1, nowMicros() - sent));
      this.status[res.status] = (this.status[res.status] ?? 0) + 1;
      if (res.status === 200) {
        post.version = res.body.version;
        this.keys[seq] = `${post.id}:${res.body.version}`;
        this.setExpected(seq, this.published ? EXPECT_ALL : EXPECT_STAFF);
      } else {
        this.setExpected(seq, EXPECT_NONE);
        if (res.status === 409 && res.body?.currentPost) post.version = res.body.currentPost.version;
      }
    } catch (e) {
      this.status[e.message] = (this.status[e.message] ?? 0) + 1;
    } finally {
      post.busy = false;
      this.inFlight--;
    }
  }

  /** Writes for `seconds`; returns when the last write is answered. */
  async run({ rate, concurrency, seconds }) {
    const start = nowMicros();
    const end = start + seconds * 1e6;
    const limit = concurrency || this.posts.length;
    const pending = new Set();
    const launch = (post) => {
      const p = this.writeOne(post);
      pending.add(p);
      p.finally(() => pending.delete(p));
      return p;
    };
    if (rate > 0) {
      let issued = 0;
      while (nowMicros() < end) {
        const due = Math.floor(((nowMicros() - start) / 1e6) * rate);
        while (issued < due) {
          issued++;
          const post = this.inFlight < limit ? this.idlePost() : null;
          if (post) launch(post);
          else this.skipped++;
        }
        await sleep(Math.max(1, Math.min(20, 1000 / rate / 2)));
      }
    } else {
      const lane = async () => {
        while (nowMicros() < end) {
          const post = this.idlePost();
          if (!post) { await sleep(1); continue; }
          await launch(post);
        }
      };
      await Promise.all(Array.from({ length: Math.min(limit, this.posts.length) }, lane));
    }
    const sendingEnded = nowMicros();
    await Promise.allSettled([...pending]);
    return { seconds: (sendingEnded - start) / 1e6, startMicros: start, endMicros: sendingEnded };
  }

  summary() {
    const ok = this.status[200] ?? 0;
    return { attempted: this.seq, ok, status: this.status, skipped: this.skipped };
  }
}
