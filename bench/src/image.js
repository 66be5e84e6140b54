// The photo the `uploads` presets send: generated, not shipped. A seeded, photo-like picture (a sky-to-ground
// gradient, soft light and shadow, a fine texture and sensor-like grain) encoded as a baseline JPEG by jpeg-js
// (pure JS), so that every run and every machine uploads the same bytes without a foreign file in the repository.
// At the defaults (3000 x 2000, quality 92) it is about 3 MB, as a phone or camera photo is; plain gradients
// would compress to a few hundred kilobytes, so the grain is what makes the size (and the decoder's work) real.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';

export const PHOTO_DEFAULTS = { width: 3000, height: 2000, quality: 92, seed: 1, grain: 26 };

/** A small deterministic generator (xorshift32): the same seed gives the same sequence on every machine. */
export function random(seed) {
  let state = (seed >>> 0) || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * The RGBA pixels (what jpeg-js encodes): a vertical gradient from a blue sky to a warm ground, a horizon that
 * undulates, a few soft bright and dark blobs (light and shade), a texture of two crossed waves whose phase the
 * seed sets, and per-pixel grain of +-`grain` levels.
 */
export function photoPixels({ width, height, seed, grain }) {
  const next = random(seed);
  const data = new Uint8Array(width * height * 4);
  const blobs = Array.from({ length: 6 }, () => ({
    x: next() * width, y: next() * height, r: (0.08 + next() * 0.2) * Math.min(width, height),
    light: (next() - 0.4) * 90,
  }));
  const phase = [next() * 6.283, next() * 6.283, next() * 6.283];
  const horizonAt = 0.55 + (next() - 0.5) * 0.1;
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const horizon = horizonAt + 0.04 * Math.sin(u * 9 + phase[0]) + 0.015 * Math.sin(u * 31 + phase[1]);
      let r;
      let g;
      let b;
      if (v < horizon) { // sky: deep blue at the top to a pale haze at the horizon
        const t = v / horizon;
        r = 60 + 150 * t;
        g = 110 + 110 * t;
        b = 200 + 40 * t;
      } else { // ground: green-brown fields, darker towards the bottom
        const t = (v - horizon) / (1 - horizon);
        r = 120 - 50 * t;
        g = 140 - 60 * t;
        b = 70 - 30 * t;
      }
      let light = 0;
      for (const blob of blobs) {
        const dx = x - blob.x;
        const dy = y - blob.y;
        light += blob.light * Math.exp(-(dx * dx + dy * dy) / (2 * blob.r * blob.r));
      }
      const texture = 10 * Math.sin(x * 0.21 + phase[2] + 3 * Math.sin(y * 0.013)) * Math.sin(y * 0.17 + u * 4);
      const noise = (next() - 0.5) * 2 * grain;
      const i = (y * width + x) * 4;
      data[i] = clamp(r + light + texture + noise);
      data[i + 1] = clamp(g + light + texture + noise * 0.9);
      data[i + 2] = clamp(b + light + texture * 0.8 + noise * 1.1);
      data[i + 3] = 255;
    }
  }
  return data;
}

/** The photo as JPEG bytes (a Buffer). */
export function photoJpeg(options = {}) {
  const o = { ...PHOTO_DEFAULTS, ...options };
  const data = photoPixels(o);
  return jpeg.encode({ data, width: o.width, height: o.height }, o.quality).data;
}

/**
 * The width and height a JPEG declares in its frame header (SOF0..SOF15 but DHT/JPG/DAC), walking the segments
 * from SOI; null when the bytes are no JPEG or end before a frame header. Enough to check the generated file
 * without decoding 6 megapixels.
 */
export function jpegSize(bytes) {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/**
 * The photo for a run, from the cache folder `dir` when it was made before with the same parameters (the file name
 * says them), else generated (a few seconds) and written there. Returns {bytes, file, width, height, sha256}.
 */
export function cachedPhoto(dir, options = {}) {
  const o = { ...PHOTO_DEFAULTS, ...options };
  const file = join(dir, `upload-photo-${o.width}x${o.height}-q${o.quality}-g${o.grain}-s${o.seed}.jpg`);
  let bytes = existsSync(file) ? readFileSync(file) : null;
  const size = bytes && jpegSize(bytes);
  if (!size || size.width !== o.width || size.height !== o.height) {
    bytes = photoJpeg(o);
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
  }
  return { bytes, file, width: o.width, height: o.height, sha256: createHash('sha256').update(bytes).digest('hex') };
}
