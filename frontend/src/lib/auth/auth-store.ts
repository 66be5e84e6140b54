import type { AuthUser } from '@/types/api';
import { NetworkError, ProblemError } from '@/lib/problem-error';

export const SESSION_ENDED = 'Your session ended, please log in again.';

/**
 * The same-origin signal the API requires on refresh and logout (docs/rest-api.md, "Authentication"): another
 * site's page cannot send a custom header without a CORS preflight, which the API never approves.
 */
export const SAME_ORIGIN_HEADER = { 'X-Requested-With': 'blog-admin' } as const;

interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  user: AuthUser;
}

export interface AuthState {
  /** 'unknown' until the page-load refresh has answered. */
  status: 'unknown' | 'signed-in' | 'signed-out';
  user: AuthUser | null;
  /** Why the user is on the login page (shown there), e.g. the session ended. */
  notice: string | null;
}

type Listener = (state: AuthState) => void;

/**
 * The session: the access token lives in memory only (never in storage, where any script could read it); the
 * refresh token is the HttpOnly `blog_refresh` cookie the API sets, so a reload refreshes silently.
 * Refreshes are single-flight within the tab and serialised across tabs (Web Locks): the API rotates refresh
 * tokens and treats a spent one presented again as theft, so two tabs refreshing with the same cookie at the
 * same moment would end the session.
 */
export class AuthStore {
  private state: AuthState = { status: 'unknown', user: null, notice: null };
  private token: string | null = null;
  private expiresAt = 0;
  private refreshing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly tokenListeners = new Set<(token: string) => void>();

  constructor(private readonly fetchFn: typeof fetch = (...args) => fetch(...args)) {}

  getState = (): AuthState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with every new access token (the WebSocket sends it in band). */
  onToken(listener: (token: string) => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  getAccessToken(): string | null {
    return this.token;
  }

  async login(email: string, password: string): Promise<void> {
    const body = await this.post('/api/auth/login', { email, password });
    this.accept(body as TokenResponse);
  }

  /** A new access token from the refresh cookie; false when the session is over (401 or no cookie). */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.withLock(() => this.doRefresh()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async logout(): Promise<void> {
    try {
      await this.post('/api/auth/logout', undefined);
    } catch {
      // The server could not be told; the cookie expires on its own. The local session ends regardless.
    }
    this.end(null);
  }

  /** Ends the session locally (a definitive 401) and says why on the login page. */
  end(notice: string | null = SESSION_ENDED): void {
    clearTimeout(this.timer);
    this.token = null;
    this.expiresAt = 0;
    this.set({ status: 'signed-out', user: null, notice });
  }

  /** The user chose a new password: a one-time password set by an administrator no longer holds them back. */
  passwordChanged(): void {
    if (this.state.user?.passwordChangeRequired) {
      this.set({ ...this.state, user: { ...this.state.user, passwordChangeRequired: false } });
    }
  }

  clearNotice(): void {
    if (this.state.notice) this.set({ ...this.state, notice: null });
  }

  private async doRefresh(): Promise<boolean> {
    try {
      this.accept((await this.post('/api/auth/refresh', undefined)) as TokenResponse);
      return true;
    } catch (error) {
      if (error instanceof ProblemError && (error.status === 401 || error.status === 400)) {
        // At page load "no session" is not news; later it means the session really ended.
        this.end(this.state.status === 'signed-in' ? SESSION_ENDED : null);
        return false;
      }
      // Network trouble: keep the session and try again shortly.
      if (this.state.status === 'unknown') this.set({ ...this.state, status: 'signed-out' });
      else this.schedule(15_000);
      return false;
    }
  }

  private accept(response: TokenResponse): void {
    this.token = response.accessToken;
    this.expiresAt = Date.now() + response.expiresIn * 1000;
    // Refresh a minute before expiry (or at 80% of a short lifetime) so requests never carry an expired token.
    this.schedule(Math.max(5_000, Math.min(response.expiresIn * 1000 - 60_000, response.expiresIn * 800)));
    this.set({ status: 'signed-in', user: response.user, notice: null });
    this.tokenListeners.forEach((listener) => listener(response.accessToken));
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private async post(url: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...SAME_ORIGIN_HEADER, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!response.ok) throw new ProblemError(response.status, parsed);
    return parsed;
  }

  private withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request('blog-auth-refresh', task) as Promise<T>) : task();
  }

  private set(state: AuthState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener(state));
  }

  /** For tests and the socket: milliseconds until the access token expires. */
  expiresInMs(): number {
    return Math.max(0, this.expiresAt - Date.now());
  }
}

export const authStore = new AuthStore();
