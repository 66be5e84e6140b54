import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusPage } from './status-page';

const patient = { timeout: 10_000 };

const healthBody = (kafka: Record<string, unknown>) => ({
  status: kafka.status,
  components: {
    db: { status: 'UP', details: { database: 'H2', validationQuery: 'isValid()' } },
    kafka,
    outbox: { status: 'UP', details: { backlog: 3, oldestAgeSeconds: 12 } },
    readinessState: { status: 'UP' },
  },
});

const scrape = [
  '# TYPE blog_outbox_backlog gauge',
  'blog_outbox_backlog 3.0',
  'blog_outbox_backlog_age_seconds 12.4',
  'blog_realtime_sessions{audience="public"} 41.0',
  'blog_realtime_sessions{audience="staff"} 2.0',
].join('\n');

describe('StatusPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let health: () => Response;

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (url) => {
      if (String(url) === '/actuator/health') return health();
      if (String(url) === '/actuator/prometheus') return new Response(scrape, { headers: { 'Content-Type': 'text/plain' } });
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
  const stateIn = (name: string) => within(screen.getByRole('region', { name })).getByTestId('state');

  it('shows a DOWN component as down, with its error, while the others stay up', async () => {
    health = () => Response.json(healthBody({
      status: 'DOWN', details: { bootstrapServers: ['127.0.0.1:9092'], error: 'Timed out waiting for a node assignment' },
    }), { status: 503 });
    renderPage();

    await vi.waitFor(() => expect(stateIn('Kafka')).toHaveAttribute('data-state', 'down'), patient);
    expect(stateIn('Kafka')).toHaveTextContent('Down');
    expect(screen.getByRole('region', { name: 'Kafka' })).toHaveTextContent('Timed out waiting for a node assignment');
    expect(stateIn('Database')).toHaveAttribute('data-state', 'up');
    expect(stateIn('Outbox')).toHaveTextContent('Up');
    expect(within(screen.getByTestId('status-overall')).getByTestId('state')).toHaveTextContent('Something is down');
  });

  it('shows the outbox backlog and the open sockets from the metrics', async () => {
    health = () => Response.json(healthBody({ status: 'UP', details: { brokers: 1, topic: 'blog-events', partitions: 1 } }));
    renderPage();
    const sockets = await screen.findByRole('region', { name: 'Open sockets' }, patient);
    await vi.waitFor(() => expect(sockets).toHaveTextContent('Staff2'), patient);
    expect(sockets).toHaveTextContent('Readers41');
    expect(screen.getByRole('region', { name: 'Outbox' })).toHaveTextContent('Waiting3');
    expect(screen.getByRole('region', { name: 'Outbox' })).toHaveTextContent('Oldest waits12 s');
    expect(within(screen.getByTestId('status-overall')).getByTestId('state')).toHaveTextContent('All systems up');
  });

  it('says the server does not answer and shows no part as up', async () => {
    health = () => { throw new TypeError('Failed to fetch'); };
    renderPage();
    expect(await screen.findByRole('alert', {}, patient)).toHaveTextContent('Cannot reach the server');
    expect(stateIn('Database')).toHaveAttribute('data-state', 'unknown');
    expect(within(screen.getByTestId('status-overall')).getByTestId('state')).toHaveAttribute('data-state', 'down');
  });
});
