// Staff actions through the REST API, as another person on another screen would make them.
const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password' };

async function login(request) {
  const response = await request.post('/api/auth/login', { data: ADMIN });
  if (!response.ok()) { throw new Error(`login: ${response.status()} ${await response.text()}`); }
  return (await response.json()).accessToken;
}

async function call(request, token, method, url, data, version) {
  const headers = { Authorization: `Bearer ${token}` };
  if (version !== undefined) { headers['If-Match'] = `"${version}"`; }
  const response = await request.fetch(url, { method, headers, data });
  if (!response.ok()) { throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`); }
  return response.status() === 204 ? null : response.json();
}

module.exports = { login, call };
