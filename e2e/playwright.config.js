// Browser tests in Debian's Chromium (never a downloaded browser) against the packaged jar on its embedded
// defaults: a fresh H2 file and a fresh embedded Kafka broker under target/, on port E2E_PORT.
const { defineConfig } = require('@playwright/test');
const path = require('path');

const port = Number(process.env.E2E_PORT || 18085);
const target = path.resolve(__dirname, '..', 'target');

module.exports = defineConfig({
  testDir: './tests',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: path.join(target, 'e2e-results'),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf "${target}/e2e-data" && exec java -Xmx512m -jar "${target}/realtime-blog.jar"`,
    url: `http://127.0.0.1:${port}/readyz`,
    // A busy machine may need longer: E2E_SERVER_TIMEOUT_MS.
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS || 120_000),
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      BLOG_DATA_DIR: path.join(target, 'e2e-data'),
      BLOG_KAFKA_EMBEDDED_PORT: '0',
      BLOG_KAFKA_EMBEDDED_CONTROLLERPORT: '0',
      BLOG_ADMIN_EMAIL: 'admin@e2e.test',
      BLOG_ADMIN_PASSWORD: 'e2e-admin-password',
      BLOG_SITE_BASEURL: `http://127.0.0.1:${port}`,
    },
  },
});
