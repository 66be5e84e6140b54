// The REST calls the benchmark makes (docs/rest-api.md): log in, create the bench user and posts, and the
// timed writes. node:http with a keep-alive agent: cheaper per request than fetch, which matters for `writes`.
import http from 'node:http';

export class Api {
  constructor(baseUrl, maxSockets = 64) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
    this.token = null;
  }

  /**
   * One request; resolves to {status, body} (body parsed when JSON). A Buffer body is sent as it is (the caller
   * names its content-type), anything else as JSON. Rejects on network errors and timeouts.
   */
  request(method, path, body, headers = {}, timeoutMs = 30_000) {
    const raw = Buffer.isBuffer(body);
    const payload = body === undefined ? null : raw ? body : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: this.base.hostname, port: this.base.port, path, method, agent: this.agent, timeout: timeoutMs,
        headers: {
          ...(payload && !raw ? { 'content-type': 'application/json' } : {}),
          ...(payload ? { 'content-length': payload.length } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...headers,
        },
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
          resolve({ status: res.statusCode, body: parsed });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async expect(status, method, path, body, headers) {
    const res = await this.request(method, path, body, headers);
    if (res.status !== status) {
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }

  async login(email, password) {
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`Login of ${email} failed with ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  /** An EDITOR for the staff sockets (sees every event, as ADMIN does); created once, reused by later runs. */
  async editorToken(email, password) {
    const res = await this.request('POST', '/api/users', { email, displayName: 'Bench editor', password, role: 'EDITOR' });
    if (res.status !== 201 && res.status !== 409) {
      throw new Error(`Creating the bench editor failed with ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return new Api(this.base.href).login(email, password);
  }

  /** Creates `count` posts (published if asked); returns [{id, version}]. */
  async createPosts(count, published, runId) {
    const posts = [];
    for (let i = 0; i < count; i++) {
      let post = await this.expect(201, 'POST', '/api/posts', {
        title: `Bench ${runId} post ${i}`, excerpt: 'bench', body: 'Benchmark post.', tags: ['bench'],
      });
      if (published) {
        post = await this.expect(200, 'POST', `/api/posts/${post.id}/publish`, undefined, { 'if-match': `"${post.version}"` });
      }
      posts.push({ id: post.id, version: post.version, slug: post.slug, title: post.title, busy: false });
    }
    return posts;
  }

  /** The timed write: replaces the post's content; the excerpt carries the bench marker. */
  update(post, excerpt) {
    return this.request('PUT', `/api/posts/${post.id}`,
      { title: post.title, slug: post.slug, excerpt, body: 'Benchmark post.', tags: ['bench'] },
      { 'if-match': `"${post.version}"` });
  }

  /**
   * One upload (`POST /api/media`, docs/rest-api.md) of a prepared multipart body ({body, contentType}: uploads.js).
   * Its time limit covers a wait for a decode slot and the decode (blog.media.decode-queue-timeout 30 s and
   * decode-timeout 20 s), so the server's own refusal (503, 422) comes before the tool gives up.
   */
  upload(multipart, timeoutMs = 120_000) {
    return this.request('POST', '/api/media', multipart.body, { 'content-type': multipart.contentType }, timeoutMs);
  }

  /** Deletes an image of the library; an image no post uses answers 204. */
  deleteMedia(id) {
    return this.request('DELETE', `/api/media/${id}`);
  }
}
