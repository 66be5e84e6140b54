import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { cachedPhoto, jpegSize, photoJpeg, PHOTO_DEFAULTS, random } from '../src/image.js';

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

test('the generator is seeded: the same seed gives the same sequence, another seed another, all in [0, 1)', () => {
  const a = random(7);
  const b = random(7);
  const c = random(8);
  const first = Array.from({ length: 1000 }, a);
  assert.deepEqual(first, Array.from({ length: 1000 }, b));
  assert.notDeepEqual(first, Array.from({ length: 1000 }, c));
  assert.ok(first.every((x) => x >= 0 && x < 1));
  assert.ok(new Set(first).size > 990); // no short cycle
  assert.ok(Array.from({ length: 10 }, random(0)).some((x) => x > 0)); // seed 0 does not stick at 0
});

test('a generated photo is a JPEG that decodes to its size, with photo-like variety rather than a flat fill', () => {
  const bytes = photoJpeg({ width: 240, height: 160 });
  assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]); // what the server sniffs (docs/media.md)
  assert.deepEqual([...bytes.subarray(-2)], [0xff, 0xd9]);
  assert.deepEqual(jpegSize(bytes), { width: 240, height: 160 });
  const decoded = jpeg.decode(bytes, { useTArray: true });
  assert.equal(decoded.width, 240);
  assert.equal(decoded.height, 160);
  const red = (x, y) => decoded.data[(y * 240 + x) * 4];
  const blue = (x, y) => decoded.data[(y * 240 + x) * 4 + 2];
  // A sky above (blue over red) and a ground below (red over blue).
  assert.ok(blue(120, 5) > red(120, 5) + 40, 'sky at the top');
  assert.ok(red(120, 155) > blue(120, 155) + 20, 'ground at the bottom');
});

test('the photo is deterministic for its parameters, and the seed changes it', () => {
  const a = photoJpeg({ width: 200, height: 120, seed: 3 });
  assert.equal(sha(a), sha(photoJpeg({ width: 200, height: 120, seed: 3 })));
  assert.notEqual(sha(a), sha(photoJpeg({ width: 200, height: 120, seed: 4 })));
});

test('the grain is what makes the size: a small photo with the default grain has the bytes per pixel of a ~3 MB one', () => {
  // 300 x 200 is a hundredth of the default's pixels (generating those takes seconds); the grain, which sets the
  // bytes per pixel, is the same, so a hundred times its size is near the full photo's (3.0 MB; 3.27 MB here).
  const patch = photoJpeg({ width: 300, height: 200 });
  const perPixel = patch.length / (300 * 200);
  const full = perPixel * PHOTO_DEFAULTS.width * PHOTO_DEFAULTS.height;
  assert.ok(full > 2.6e6 && full < 3.6e6, `about 3 MB: ${Math.round(full)} bytes`);
  assert.ok(photoJpeg({ width: 300, height: 200, grain: 0 }).length < patch.length / 2, 'without grain far smaller');
});

test('the frame header gives the size without decoding, and anything else gives null', () => {
  const bytes = photoJpeg({ width: 64, height: 48 });
  assert.deepEqual(jpegSize(bytes), { width: 64, height: 48 });
  assert.equal(jpegSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(jpegSize(bytes.subarray(0, 20)), null); // ends before the frame header
  assert.equal(jpegSize(Buffer.alloc(0)), null);
});

test('the cached photo is generated once into the folder and read back after, and replaced when damaged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-photo-'));
  try {
    const options = { width: 120, height: 80, seed: 5 };
    const first = cachedPhoto(dir, options);
    assert.ok(existsSync(first.file));
    assert.match(first.file, /upload-photo-120x80-q92-g26-s5\.jpg$/);
    assert.equal(statSync(first.file).size, first.bytes.length);
    assert.equal(first.sha256, sha(photoJpeg(options)));
    assert.deepEqual([first.width, first.height], [120, 80]);
    const again = cachedPhoto(dir, options);
    assert.equal(again.sha256, first.sha256);
    writeFileSync(first.file, 'not a jpeg');
    const repaired = cachedPhoto(dir, options);
    assert.equal(repaired.sha256, first.sha256);
    assert.equal(sha(readFileSync(first.file)), first.sha256);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
