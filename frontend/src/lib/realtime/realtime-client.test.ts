import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '@/testing/fake-socket';
import { backoffDelay } from './backoff';
import { RealtimeClient } from './realtime-client';

describe('RealtimeClient', () => {
  let sockets: FakeSocket[];
  let tokenListener: ((token: string) => void) | undefined;
  const auth = {
    getAccessToken: vi.fn(() => 'token-1'),
    refresh: vi.fn(async () => true),
    end: vi.fn(),
    onToken: (listener: (token: string) => void) => {
      tokenListener = listener;
      return () => (tokenListener = undefined);
    },
  };
  let client: RealtimeClient;
  const latest = () => sockets[sockets.length - 1];
  const greet = (position = 10) => {
    latest().open();
    latest().receive({ type: 'ready', audience: 'staff', position, epoch: 'e1', protocol: 1 });
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    client = new RealtimeClient({
      url: 'ws://test/ws',
      auth,
      random: () => 0.5,
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    });
    vi.stubGlobal('WebSocket', FakeSocket);
    client.start();
  });

  afterEach(() => {
    client.stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('says hello with the token, then resumes from the last applied position and epoch after a drop', () => {
    latest().open();
    expect(latest().sent[0]).toEqual({ type: 'hello', token: 'token-1' });
    latest().receive({ type: 'ready', audience: 'staff', position: 10, epoch: 'e1', protocol: 1 });
    latest().receive({ type: 'event', position: 12, event: { postId: 'p', version: 1 } });
    expect(client.getState()).toEqual({ status: 'connected', attempt: 0 });

    latest().drop(1011);
    expect(client.getState()).toEqual({ status: 'reconnecting', attempt: 1 });
    vi.advanceTimersByTime(backoffDelay(1, () => 0.5));
    latest().open();
    expect(latest().sent[0]).toEqual({ type: 'hello', token: 'token-1', since: 12, epoch: 'e1' });
  });

  it('backs off exponentially with full jitter, capped at 30 s', () => {
    expect(backoffDelay(1, () => 1)).toBe(500);
    expect(backoffDelay(4, () => 1)).toBe(4000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
    expect(backoffDelay(3, () => 0)).toBe(0);
    greet();
    latest().drop(1006);
    latest().drop(1006);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(250);
    expect(sockets).toHaveLength(2);
    latest().drop(1006);
    expect(client.getState()).toEqual({ status: 'reconnecting', attempt: 2 });
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
  });

  it('reconnects at once on 1012 and when the tab becomes visible', () => {
    greet();
    latest().drop(1012);
    vi.advanceTimersByTime(0);
    expect(sockets).toHaveLength(2);
    latest().drop(1006);
    latest().drop(1006);
    expect(sockets).toHaveLength(2);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sockets).toHaveLength(3);
  });

  it('waits 10 s before reconnecting after 1008, even when the tab becomes visible or the network returns', () => {
    greet();
    latest().drop(1008);
    expect(client.getState()).toEqual({ status: 'reconnecting', attempt: 1 });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('online'));
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(backoffDelay(1, () => 0.5));
    expect(sockets).toHaveLength(2);
  });

  it('refreshes the token on 4004 before reconnecting, and ends the session on 4001', async () => {
    greet();
    latest().drop(4004);
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(auth.refresh).toHaveBeenCalledOnce();
    greet();
    latest().drop(4001);
    expect(auth.end).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it('sends a refreshed token in band and pings every 25 s', () => {
    greet();
    tokenListener?.('token-2');
    expect(latest().sent).toContainEqual({ type: 'auth', token: 'token-2' });
    latest().receive({ type: 'heartbeat' });
    vi.advanceTimersByTime(25_000);
    expect(latest().sent).toContainEqual({ type: 'ping' });
  });

  it('shows offline while the browser is offline and reconnects when the network returns', () => {
    greet();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    expect(client.getState().status).toBe('offline');
    latest().drop(1006);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(sockets).toHaveLength(2);
  });

  it('renews presence leases every 10 s and again after a reconnect, and stops them', () => {
    greet();
    client.startEditing('post-1');
    expect(latest().sent).toContainEqual({ type: 'presence', postId: 'post-1', editing: true });
    latest().sent = [];
    vi.advanceTimersByTime(10_000);
    expect(latest().sent).toContainEqual({ type: 'presence', postId: 'post-1', editing: true });
    latest().drop(1012);
    vi.advanceTimersByTime(0);
    greet();
    expect(latest().sent).toContainEqual({ type: 'presence', postId: 'post-1', editing: true });
    client.stopEditing('post-1');
    expect(latest().sent).toContainEqual({ type: 'presence', postId: 'post-1', editing: false });
  });
});
