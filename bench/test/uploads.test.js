import assert from 'node:assert/strict';
import { test } from 'node:test';
import http from 'node:http';
import { Api } from '../src/api.js';
import { photoJpeg } from '../src/image.js';
import { multipartBody, Uploads } from '../src/uploads.js';

test('the multipart body has the alt part and the file part with its name and type, the bytes unchanged', () => {
  const file = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0xd9]); // CR LF -- inside
  const { body, contentType } = multipartBody({ file, filename: 'a.jpg', alt: 'Harbour at dawn', boundary: 'XyZ' });
  assert.equal(contentType, 'multipart/form-data; boundary=XyZ');
  const head = '--XyZ\r\nContent-Disposition: form-data; name="alt"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n'
    + 'Harbour at dawn\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n'
    + 'Content-Type: image/jpeg\r\n\r\n';
  assert.deepEqual(body, Buffer.concat([Buffer.from(head), file, Buffer.from('\r\n--XyZ--\r\n')]));
});

test('a random boundary by default, a file name cannot break out of its quotes, and a boundary in the file is refused', () => {
  const file = photoJpeg({ width: 16, height: 16 });
  const a = multipartBody({ file });
  const b = multipartBody({ file });
  assert.notEqual(a.contentType, b.contentType);
  assert.match(a.contentType, /^multipart\/form-data; boundary=----bench-[0-9a-f]{24}$/);
  const odd = multipartBody({ file, filename: 'x"; name="alt\r\n.jpg', boundary: 'B' }).body.toString('latin1');
  assert.match(odd, /filename="x_; name=_alt__\.jpg"/);
  assert.throws(() => multipartBody({ file: Buffer.from('ab--Bcd'), boundary: 'B' }), /boundary occurs in the file/);
});

/** A stand-in for POST /api/media and DELETE /api/media/{id} that answers from a script and records what came. */
async function fakeServer(answers) {
  const seen = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], auth: req.headers.authorization,
        length: Number(req.headers['content-length']), bytes: body.length });
      const [status, json] = answers(req, seen.length);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { seen, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

test('uploads post the prepared body with the token, count stored and refused uploads by status and problem, and delete what they stored', async () => {
  let n = 0;
  const server = await fakeServer((req) => {
    if (req.method === 'DELETE') return [req.url.endsWith('/gone') ? 404 : 204];
    n++;
    if (n === 2) return [503, { type: '/problems/media-busy', status: 503 }];
    if (n === 4) return [422, { type: '/problems/corrupt-image', status: 422 }];
    return [201, { id: `img-${n}` }];
  });
  try {
    const api = new Api(server.url, 2);
    api.token = 'T';
    const multipart = multipartBody({ file: photoJpeg({ width: 32, height: 32 }), boundary: 'Q' });
    const uploads = new Uploads(api, multipart);
    for (let i = 0; i < 5; i++) assert.equal(await uploads.uploadOne(), true);
    assert.deepEqual(uploads.summary(), { attempted: 5, ok: 3, refused: 2, errors: 0, status: { 201: 3, 422: 1, 503: 1 },
      problems: { '/problems/media-busy': 1, '/problems/corrupt-image': 1 } });
    assert.equal(uploads.latency.totalCount, 5);
    const posted = server.seen.filter((s) => s.method === 'POST');
    assert.ok(posted.every((s) => s.url === '/api/media' && s.type === 'multipart/form-data; boundary=Q'
      && s.auth === 'Bearer T' && s.length === multipart.body.length && s.bytes === multipart.body.length));
    assert.deepEqual(uploads.ids, ['img-1', 'img-3', 'img-5']);
    uploads.ids.push('gone'); // deleted by someone else meanwhile: nothing left to delete either
    assert.deepEqual(await uploads.deleteAll(2), { deleted: 4, failed: 0 });
    assert.deepEqual(server.seen.filter((s) => s.method === 'DELETE').map((s) => s.url).sort(),
      ['/api/media/gone', '/api/media/img-1', '/api/media/img-3', '/api/media/img-5']);
    assert.deepEqual(uploads.ids, []);
  } finally {
    await server.close();
  }
});

test('an upload that gets no answer is counted as an error, neither stored nor refused', async () => {
  const server = await fakeServer(() => [201, { id: 'x' }]);
  await server.close(); // nothing listens any more
  const uploads = new Uploads(new Api(server.url), multipartBody({ file: Buffer.from([0xff, 0xd8, 0xff]) }));
  assert.equal(await uploads.uploadOne(), false);
  const s = uploads.summary();
  assert.deepEqual([s.attempted, s.ok, s.refused, s.errors], [1, 0, 0, 1]);
  assert.deepEqual(uploads.ids, []);
});

test('a run keeps every client busy until the time is up and reports the window up to the last answer', async () => {
  const server = await fakeServer(() => [201, { id: 'same' }]);
  try {
    const api = new Api(server.url, 3);
    const realUpload = api.upload.bind(api);
    // The first two uploads are held until the third is sent: the run must have all three clients going at once.
    const held = [];
    let sent = 0;
    api.upload = async (m) => {
      sent++;
      if (sent < 3) await new Promise((r) => held.push(r));
      if (sent === 3) held.splice(0).forEach((r) => r());
      return realUpload(m);
    };
    const uploads = new Uploads(api, multipartBody({ file: Buffer.from([0xff, 0xd8, 0xff]) }));
    const window = await uploads.run({ clients: 3, seconds: 0.05 });
    const s = uploads.summary();
    assert.ok(s.ok >= 3, `every client stored at least one: ${s.ok}`);
    assert.equal(s.attempted, s.ok);
    assert.equal(window.seconds, (window.endMicros - window.startMicros) / 1e6);
    assert.ok(window.seconds >= 0.05, 'no client stops before the time is up');
  } finally {
    await server.close();
  }
});
