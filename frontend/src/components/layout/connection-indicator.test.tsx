import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '@/testing/fake-socket';
import { renderWithRealtime } from '@/testing/render-with-realtime';
import { ConnectionIndicator } from './connection-indicator';

describe('ConnectionIndicator', () => {
  beforeEach(() => vi.stubGlobal('WebSocket', FakeSocket));
  afterEach(() => vi.unstubAllGlobals());

  it('shows connected, then reconnecting with the attempt number, then connected again', () => {
    const { latest } = renderWithRealtime(<ConnectionIndicator />);
    const indicator = screen.getByTestId('connection-status');
    expect(indicator).toHaveAttribute('role', 'status');
    act(() => {
      latest().open();
      latest().receive({ type: 'ready', audience: 'staff', position: 1, epoch: 'e', protocol: 1 });
    });
    expect(indicator).toHaveAttribute('data-state', 'connected');
    expect(indicator).toHaveTextContent('Connected');

    act(() => latest().drop(1006));
    expect(indicator).toHaveAttribute('data-state', 'reconnecting');
    expect(indicator).toHaveTextContent('Reconnecting (attempt 1)');

    act(() => {
      window.dispatchEvent(new Event('online'));
      latest().open();
      latest().receive({ type: 'ready', audience: 'staff', position: 1, epoch: 'e', protocol: 1 });
    });
    expect(indicator).toHaveAttribute('data-state', 'connected');
  });

  it('shows offline when the browser goes offline', () => {
    const { latest } = renderWithRealtime(<ConnectionIndicator />);
    act(() => {
      latest().open();
      latest().receive({ type: 'ready', audience: 'staff', position: 1, epoch: 'e', protocol: 1 });
    });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => window.dispatchEvent(new Event('offline')));
    expect(screen.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline');
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Offline');
    onLine.mockRestore();
  });
});
