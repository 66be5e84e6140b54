// A second instance of the packaged app that a test can stop and start again: its own port, data folder and
// fixed embedded Kafka ports (a restart finds its broker's data and its listeners where they were).
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { expect } = require('@playwright/test');

const TARGET = path.resolve(__dirname, '..', '..', 'target');
/** How long a start may take; a busy CI machine needs more than a quiet laptop. */
const START_TIMEOUT = Number(process.env.E2E_SERVER_TIMEOUT_MS || 120_000);

class AppProcess {
  constructor({ port, kafkaPort, controllerPort, name }) {
    this.port = port;
    this.baseURL = `http://127.0.0.1:${port}`;
    this.dataDir = path.join(TARGET, `${name}-data`);
    this.logFile = path.join(TARGET, `${name}.log`);
    this.env = {
      ...process.env,
      PORT: String(port),
      BLOG_DATA_DIR: this.dataDir,
      BLOG_KAFKA_EMBEDDED_PORT: String(kafkaPort),
      BLOG_KAFKA_EMBEDDED_CONTROLLERPORT: String(controllerPort),
      BLOG_ADMIN_EMAIL: 'admin@e2e.test',
      BLOG_ADMIN_PASSWORD: 'e2e-admin-password',
      BLOG_SITE_BASEURL: this.baseURL,
    };
    this.child = null;
  }

  /** Starts from an empty data folder. */
  fresh() {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    fs.rmSync(this.logFile, { force: true });
    return this;
  }

  /** Starts the jar and resolves once it is ready; fails early (with the log's tail) if it exits first. */
  async start(request) {
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn('java', ['-Xmx512m', '-jar', path.join(TARGET, 'realtime-blog.jar')],
      { env: this.env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    await expect.poll(async () => {
      if (child.exitCode !== null) { throw new Error(`the app exited (${child.exitCode}):\n${this.tail()}`); }
      try {
        return (await request.get(`${this.baseURL}/actuator/health/readiness`, { timeout: 2_000 })).status();
      } catch {
        return 0;
      }
    }, { timeout: START_TIMEOUT, intervals: [250, 500, 1_000] }).toBe(200);
  }

  /** SIGTERM, as an orchestrator stops an instance, and waits for the process to end. */
  async stop() {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) { return; }
    this.child.kill('SIGTERM');
    await this.exited;
  }

  /** Last resort in afterAll: never leave a JVM behind. */
  kill() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) { this.child.kill('SIGKILL'); }
  }

  tail() {
    try { return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; }
  }
}

module.exports = { AppProcess, START_TIMEOUT };
