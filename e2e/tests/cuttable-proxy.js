// A plain HTTP proxy between one browser context and the server, whose connection the test can cut and restore:
// "offline" as the network would be, for every request the page makes, including the keepalive save a closing page
// sends (which page.route and context.setOffline do not hold back). Requests are forwarded as they come and
// WebSockets through CONNECT tunnels; cut() closes every open connection and refuses new ones.
const http = require('http');
const net = require('net');

async function startCuttableProxy() {
  let connected = true;
  const sockets = new Set();
  const server = http.createServer((request, response) => {
    const target = new URL(request.url);
    const upstream = http.request({
      host: target.hostname, port: target.port, method: request.method, path: target.pathname + target.search,
      headers: request.headers,
    }, (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  // WebSockets come as CONNECT tunnels (that is how Chromium sends ws:// through an HTTP proxy).
  server.on('connect', (request, socket, head) => {
    const [host, port] = request.url.split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const close = () => { socket.destroy(); upstream.destroy(); };
    upstream.on('error', close);
    socket.on('error', close);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
  });
  server.on('connection', (socket) => {
    if (!connected) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    /** For browser.newContext({ proxy }): loopback addresses too go through it (Chromium skips them otherwise). */
    proxy: { server: `http://127.0.0.1:${server.address().port}`, bypass: '<-loopback>' },
    cut() {
      connected = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      connected = true;
    },
    close: () => new Promise((resolve) => { for (const socket of sockets) socket.destroy(); server.close(resolve); }),
  };
}

module.exports = { startCuttableProxy };
