// The timed uploads (`--uploads K`, presets `uploads` and `fanout-uploads`): K staff clients, each sending the
// same photo to `POST /api/media` (docs/media.md) again and again, the next as soon as the last is answered
// (closed loop), for as long as the writes run. Each upload is timed from the request sent to the answer read.
// The images are deleted again at the end (`deleteAll`), so a run against a long-lived server leaves nothing.
import { randomBytes } from 'node:crypto';
import hdr from 'hdr-histogram-js';
import { setTimeout as sleep } from 'node:timers/promises';
import { nowMicros } from './ledger.js';

/**
 * A multipart/form-data body (RFC 7578) with the part `file` (the image, with its file name and type) and the
 * part `alt`: {body, contentType}. Built once and sent as it is by every upload. The boundary is random unless
 * given (tests); it never occurs in a JPEG's bytes by chance in practice, and is checked anyway.
 */
export function multipartBody({ file, filename = 'bench-photo.jpg', type = 'image/jpeg', alt = 'Bench photo', boundary }) {
  const mark = boundary ?? `----bench-${randomBytes(12).toString('hex')}`;
  if (file.includes(`--${mark}`)) throw new Error('The multipart boundary occurs in the file; pick another');
  const quoted = (s) => s.replace(/["\r\n\\]/g, '_');
  const head = Buffer.from(
    `--${mark}\r\nContent-Disposition: form-data; name="alt"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n`
    + `${alt}\r\n`
    + `--${mark}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(filename)}"\r\n`
    + `Content-Type: ${type}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${mark}--\r\n`, 'utf8');
  return { body: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${mark}` };
}

export class Uploads {
  /** `api` carries a staff token; `multipart` is the body of every upload. */
  constructor(api, multipart) {
    this.api = api;
    this.multipart = multipart;
    this.attempted = 0;
    this.ok = 0;
    this.status = {}; // HTTP status, or the network error's message
    this.problems = {}; // the problem type of each refusal (docs/rest-api.md, media refusals)
    this.ids = []; // every image stored, for deleteAll
    this.latency = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000,
      numberOfSignificantValueDigits: 3, useWebAssembly: false });
  }

  /** One upload; resolves to false when no answer came (a network error or time-out), else true. */
  async uploadOne() {
    this.attempted++;
    const sent = nowMicros();
    try {
      const res = await this.api.upload(this.multipart);
      this.latency.recordValue(Math.max(1, nowMicros() - sent));
      this.status[res.status] = (this.status[res.status] ?? 0) + 1;
      if (res.status === 201 && res.body?.id) {
        this.ok++;
        this.ids.push(res.body.id);
      } else {
        const type = res.body?.type ?? String(res.status);
        this.problems[type] = (this.problems[type] ?? 0) + 1;
      }
      return true;
    } catch (e) {
      this.status[e.message] = (this.status[e.message] ?? 0) + 1;
      return false;
    }
  }

  /**
   * `clients` uploads always in flight for `seconds`; returns when the last one is answered: {seconds (first
   * sent to last answered), startMicros, endMicros}. A client whose upload failed on the network waits a second
   * before the next, so a server that is down is not hammered.
   */
  async run({ clients, seconds }) {
    const start = nowMicros();
    const end = start + seconds * 1e6;
    const lane = async () => {
      while (nowMicros() < end) {
        if (!(await this.uploadOne())) await sleep(1000);
      }
    };
    await Promise.all(Array.from({ length: clients }, lane));
    const last = nowMicros();
    return { seconds: (last - start) / 1e6, startMicros: start, endMicros: last };
  }

  networkErrors() {
    return Object.entries(this.status).filter(([k]) => !/^\d+$/.test(k)).reduce((n, [, v]) => n + v, 0);
  }

  summary() {
    const errors = this.networkErrors();
    return { attempted: this.attempted, ok: this.ok, refused: this.attempted - this.ok - errors, errors,
      status: this.status, problems: this.problems };
  }

  /** Deletes every image these uploads stored, `concurrency` at a time; resolves to {deleted, failed}. */
  async deleteAll(concurrency = 4) {
    const queue = [...this.ids];
    let deleted = 0;
    let failed = 0;
    const lane = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const res = await this.api.deleteMedia(id);
          if (res.status === 204 || res.status === 404) deleted++;
          else failed++;
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    this.ids = [];
    return { deleted, failed };
  }
}
