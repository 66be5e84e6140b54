import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SystemStatus } from '../api/get-status';
import { StatusPage } from './status-page';

const patient = { timeout: 10_000 };

const systemStatus = (overrides: Partial<SystemStatus> = {}): SystemStatus => ({
  status: 'UP',
  checkedAt: '2026-12-07T01:00:00Z',
  database: { status: 'UP', product: 'H2', error: null },
  kafka: { status: 'UP', brokers: 1, topic: 'blog-events', partitions: 1, error: null },
  outbox: { status: 'UP', backlog: 3, oldestAgeSeconds: 12.4, published: 250, error: null },
  realtime: {
    sessions: { staff: 2, public: 41 },
    delivered: { staff: 1200, public: 900 },
    streamPosition: 4711,
    resumes: { none: 5, memory: 3, kafka: 1, resync: 0 },
    slowCloses: 2,
  },
  ...overrides,
});

describe('StatusPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let answer: () => Response;

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (url) => {
      if (String(url) === '/api/status') return answer();
      throw new Error(`unexpected ${String(url)}`);
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  const renderPage = () => render(
    <QueryClientProvider client={new QueryClient()}><StatusPage /></QueryClientProvider>,
  );
  const region = (name: string) => screen.getByRole('region', { name });
  const stateIn = (name: string) => within(region(name)).getByTestId('state');

  it('reads the staff status endpoint, not the actuator', async () => {
    answer = () => Response.json(systemStatus());
    renderPage();
    await screen.findByRole('region', { name: 'Open sockets' }, patient);
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/status']);
  });

  it('shows a DOWN component as down, with its error, while the others stay up', async () => {
    answer = () => Response.json(systemStatus({
      status: 'DOWN',
      kafka: { status: 'DOWN', brokers: null, topic: null, partitions: null, error: 'Kafka did not answer within 2000 ms' },
    }));
    renderPage();

    await vi.waitFor(() => expect(stateIn('Kafka')).toHaveAttribute('data-state', 'down'), patient);
    expect(stateIn('Kafka')).toHaveTextContent('Down');
    expect(region('Kafka')).toHaveTextContent('Kafka did not answer within 2000 ms');
    expect(stateIn('Database')).toHaveAttribute('data-state', 'up');
    expect(stateIn('Outbox')).toHaveTextContent('Up');
    expect(within(screen.getByTestId('status-overall')).getByTestId('state')).toHaveTextContent('Something is down');
  });

  it('shows the sockets, deliveries, stream position, reconnects and the outbox', async () => {
    answer = () => Response.json(systemStatus());
    renderPage();
    const sockets = await screen.findByRole('region', { name: 'Open sockets' }, patient);
    await vi.waitFor(() => expect(sockets).toHaveTextContent('Staff2'), patient);
    expect(sockets).toHaveTextContent('Readers41');
    expect(sockets).toHaveTextContent('Closed as too slow2');
    expect(region('Deliveries')).toHaveTextContent(`To staff${(1200).toLocaleString()}`);
    expect(region('Deliveries')).toHaveTextContent(`Stream position${(4711).toLocaleString()}`);
    expect(region('Reconnects')).toHaveTextContent('Resumed from memory3');
    expect(region('Reconnects')).toHaveTextContent('Resumed from Kafka1');
    expect(region('Outbox')).toHaveTextContent('Waiting3');
    expect(region('Outbox')).toHaveTextContent('Oldest waits12 s');
    expect(region('Outbox')).toHaveTextContent('Published here250');
    expect(region('Database')).toHaveTextContent('ProductH2');
    expect(within(screen.getByTestId('status-overall')).getByTestId('state')).toHaveTextContent('All systems up');
  });

  it('says the server does not answer and shows no part as up', async () => {
    answer = () => { throw new TypeError('Failed to fetch'); };
    renderPage();
    expect(await screen.findByRole('alert', {}, patient)).toHaveTextContent('Cannot reach the server');
    expect(stateIn('Database')).toHaveAttribute('data-state', 'unknown');
    expect(within(screen.getByTestId('status-overall')).getByTestId('state')).toHaveAttribute('data-state', 'down');
  });
});
