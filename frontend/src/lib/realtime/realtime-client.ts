import { backoffDelay } from './backoff';
import {
  CLIENT_BUG_CODES, POLICY_VIOLATION, POLICY_VIOLATION_WAIT_MS, REAUTHENTICATE, SERVICE_RESTART, UNAUTHORIZED,
  type ConnectionState, type ServerFrame,
} from './frames';

export interface RealtimeAuth {
  getAccessToken(): string | null;
  /** A fresh access token; false when the session is over. */
  refresh(): Promise<boolean>;
  /** The server refused the user (4001): back to the login page. */
  end(): void;
  /** Called with each new access token (sent in band so the socket outlives the old one). */
  onToken(listener: (token: string) => void): () => void;
}

export interface RealtimeOptions {
  url: string;
  auth: RealtimeAuth;
  createSocket?: (url: string) => WebSocket;
  random?: () => number;
  pingIntervalMs?: number;
  /** Silence this long (no frame, though the server sends heartbeats every 20 s) means a dead connection. */
  silenceLimitMs?: number;
  presenceRenewMs?: number;
  /**
   * The longest wait between attempts. 10 s rather than the protocol's example 30 s: staff clients are few (the
   * jitter spreads them anyway) and a restarted server should see its editors back within seconds.
   */
  maxDelayMs?: number;
}

type FrameListener = (frame: ServerFrame) => void;

/**
 * The app's one WebSocket (docs/websocket-protocol.md): greets with the token and the last applied position
 * and epoch, so a reconnect replays exactly what was missed; reconnects with back-off and full jitter (at once
 * on 1012, when the tab becomes visible or the network returns); refreshes the token on 4004; ends the session
 * on 4001; sends refreshed tokens in band; pings every 25 s; renews this tab's presence leases.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private state: ConnectionState = { status: 'connecting', attempt: 0 };
  private position: number | null = null;
  private epoch: string | null = null;
  private attempt = 0;
  private running = false;
  private ready = false;
  private lastHeard = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** After 1008 no reconnect, not even on a visible tab or a returning network, before this time. */
  private notBefore = 0;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private presenceTimer: ReturnType<typeof setInterval> | undefined;
  private readonly editing = new Map<string, number>();
  private readonly frameListeners = new Set<FrameListener>();
  private readonly stateListeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: RealtimeOptions) {}

  getState = (): ConnectionState => this.state;

  subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  subscribe(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** The last position applied and its epoch (what a reconnect resumes from). */
  resumePoint(): { position: number | null; epoch: string | null } {
    return { position: this.position, epoch: this.epoch };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listen(window, 'online', () => {
      if (this.ready) this.setState({ status: 'connected', attempt: 0 });
      else this.connectNowIfWaiting();
    });
    this.listen(window, 'offline', () => this.setState({ status: 'offline', attempt: this.attempt }));
    this.listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') this.connectNowIfWaiting();
    });
    this.cleanups.push(this.options.auth.onToken((token) => this.send({ type: 'auth', token })));
    this.presenceTimer = setInterval(() => this.renewPresence(), this.options.presenceRenewMs ?? 10_000);
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    clearTimeout(this.retryTimer);
    clearInterval(this.presenceTimer);
    this.dropSocket(1000);
  }

  /** Tells staff this tab is editing the post, renewing the lease every 10 s until {@link stopEditing}. */
  startEditing(postId: string): void {
    const count = this.editing.get(postId) ?? 0;
    this.editing.set(postId, count + 1);
    if (count === 0) this.send({ type: 'presence', postId, editing: true });
  }

  stopEditing(postId: string): void {
    const count = this.editing.get(postId) ?? 0;
    if (count > 1) {
      this.editing.set(postId, count - 1);
      return;
    }
    this.editing.delete(postId);
    this.send({ type: 'presence', postId, editing: false });
  }

  /** Sends a frame if the socket is greeted; false otherwise (presence is re-sent after the next `ready`). */
  send(frame: Record<string, unknown>): boolean {
    if (!this.ready || this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private connect(): void {
    clearTimeout(this.retryTimer);
    if (!this.running) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.setState({ status: 'offline', attempt: this.attempt });
      return;
    }
    const socket = (this.options.createSocket ?? ((url) => new WebSocket(url)))(this.options.url);
    this.socket = socket;
    this.ready = false;
    socket.onopen = () => {
      this.lastHeard = Date.now();
      socket.send(JSON.stringify({
        type: 'hello',
        token: this.options.auth.getAccessToken() ?? undefined,
        since: this.position ?? undefined,
        epoch: this.position === null ? undefined : (this.epoch ?? undefined),
      }));
    };
    socket.onmessage = (message) => {
      this.lastHeard = Date.now();
      this.handle(JSON.parse(String(message.data)) as ServerFrame);
    };
    socket.onclose = (close) => {
      if (this.socket === socket) void this.afterClose(close.code);
    };
  }

  private handle(frame: ServerFrame): void {
    if (frame.type === 'ready') {
      this.position = Math.max(this.position ?? -1, frame.position);
      this.epoch = frame.epoch;
      this.ready = true;
      this.attempt = 0;
      this.setState({ status: 'connected', attempt: 0 });
      this.startPinging();
      // The old socket's leases ended when it closed; this tab is still editing.
      this.editing.forEach((_, postId) => this.send({ type: 'presence', postId, editing: true }));
    }
    if (frame.type === 'resync') this.position = null;
    this.frameListeners.forEach((listener) => listener(frame));
    // Only after the listeners applied the event: a crash in between must not skip it on resume.
    if (frame.type === 'event') this.position = Math.max(this.position ?? -1, frame.position);
  }

  private async afterClose(code: number): Promise<void> {
    this.socket = null;
    this.ready = false;
    clearInterval(this.pingTimer);
    if (!this.running) return;
    if (code === UNAUTHORIZED) {
      this.stop();
      this.options.auth.end();
      return;
    }
    if (CLIENT_BUG_CODES.includes(code)) {
      this.setState({ status: 'stopped', attempt: this.attempt });
      return;
    }
    this.attempt += 1;
    this.setState({ status: navigator.onLine === false ? 'offline' : 'reconnecting', attempt: this.attempt });
    if (code === REAUTHENTICATE) {
      if (!(await this.options.auth.refresh())) return;
      this.connect();
      return;
    }
    // 1012: this instance is going away, another one answers at once. Only the first retry skips the wait.
    // 1008: this socket sent frames faster than the server allows; reconnecting at once would be refused again.
    const wait = code === POLICY_VIOLATION ? POLICY_VIOLATION_WAIT_MS : 0;
    this.notBefore = Date.now() + wait;
    const delay = code === SERVICE_RESTART && this.attempt === 1 ? 0 : wait + backoffDelay(this.attempt, this.options.random, 500, this.options.maxDelayMs ?? 10_000);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private connectNowIfWaiting(): void {
    if (!this.running || this.socket !== null || Date.now() < this.notBefore) return;
    this.connect();
  }

  private startPinging(): void {
    clearInterval(this.pingTimer);
    const silenceLimit = this.options.silenceLimitMs ?? 50_000;
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > silenceLimit) {
        // Nothing heard for two heartbeats: the connection is dead even if the browser has not noticed.
        const socket = this.socket;
        this.dropSocket(4000);
        if (socket) void this.afterClose(1006);
        return;
      }
      this.send({ type: 'ping' });
    }, this.options.pingIntervalMs ?? 25_000);
  }

  private renewPresence(): void {
    this.editing.forEach((_, postId) => this.send({ type: 'presence', postId, editing: true }));
  }

  private dropSocket(code: number): void {
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      try {
        socket.close(code);
      } catch {
        // Already closing.
      }
    }
  }

  private listen(target: EventTarget, type: string, handler: () => void): void {
    target.addEventListener(type, handler);
    this.cleanups.push(() => target.removeEventListener(type, handler));
  }

  private setState(state: ConnectionState): void {
    if (state.status === this.state.status && state.attempt === this.state.attempt) return;
    this.state = state;
    this.stateListeners.forEach((listener) => listener());
  }
}
