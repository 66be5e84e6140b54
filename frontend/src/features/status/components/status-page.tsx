import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/problem-error';
import { useHealth, type HealthComponent } from '../api/get-health';
import { useMetrics } from '../api/get-metrics';
import { REFRESH_MS } from '../api/status-keys';
import { StateBadge, stateOf } from './state-badge';
import { Fact, StatusCard } from './status-card';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const detail = (component: HealthComponent | undefined, name: string) => {
  const value = component?.details?.[name];
  return value === undefined || value === null ? undefined : String(value);
};
const count = (value: number | undefined) => (value === undefined ? undefined : Math.round(value).toLocaleString());

/**
 * /status: the database, Kafka, the outbox and the open sockets at a glance, from the actuator's health and
 * Prometheus endpoints, asked again every few seconds. When the server does not answer, every part shows as
 * unknown rather than as its last (possibly stale) state.
 */
export function StatusPage() {
  const health = useHealth();
  const metrics = useMetrics();
  // After a failed refresh TanStack Query keeps the old data: show it as unknown, not as still up.
  const report = health.isError ? undefined : health.data;
  const part = (name: string) => report?.components[name];
  const db = part('db');
  const kafka = part('kafka');
  const outbox = part('outbox');
  const shown = metrics.isError ? undefined : metrics.data;

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Status</h1>
        {!health.isPending && (
          <div className="flex items-center gap-2" data-testid="status-overall">
            <span className="text-sm text-slate-600">Overall</span>
            {report ? (
              <StateBadge state={stateOf(report.status)} label={report.status === 'UP' ? 'All systems up' : 'Something is down'} />
            ) : (
              <StateBadge state="down" label="Server not answering" />
            )}
          </div>
        )}
      </div>
      <p className="text-sm text-slate-600">
        Refreshed every {REFRESH_MS / 1000} s
        {health.dataUpdatedAt > 0 && <> · last answer at {timeFormat.format(health.dataUpdatedAt)}</>}.
        Socket counts are for the instance that answered.
      </p>
      {health.isError && <Alert>Cannot get the server's health: {errorMessage(health.error)}</Alert>}
      {health.isPending ? (
        <Spinner label="Checking the system…" />
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <StatusCard id="db" title="Database" state={stateOf(db?.status)}>
            <Fact label="Product" value={detail(db, 'database')} />
            {db?.status !== 'UP' && detail(db, 'error') && <Fact label="Error" value={detail(db, 'error')} />}
          </StatusCard>
          <StatusCard id="kafka" title="Kafka" state={stateOf(kafka?.status)}>
            <Fact label="Brokers" value={detail(kafka, 'brokers')} />
            <Fact label="Topic" value={detail(kafka, 'topic')} />
            <Fact label="Partitions" value={detail(kafka, 'partitions')} />
            {detail(kafka, 'error') && <Fact label="Error" value={detail(kafka, 'error')} />}
          </StatusCard>
          <StatusCard id="outbox" title="Outbox" state={stateOf(outbox?.status)}>
            <Fact label="Waiting" value={count(shown?.outboxBacklog ?? numberDetail(outbox, 'backlog'))} />
            <Fact label="Oldest waits" value={seconds(shown?.outboxAgeSeconds ?? numberDetail(outbox, 'oldestAgeSeconds'))} />
          </StatusCard>
          <StatusCard id="sockets" title="Open sockets">
            <Fact label="Staff" value={count(shown?.staffSockets)} />
            <Fact label="Readers" value={count(shown?.publicSockets)} />
            {metrics.isError && <Fact label="Error" value={errorMessage(metrics.error)} />}
          </StatusCard>
        </div>
      )}
    </section>
  );
}

function numberDetail(component: HealthComponent | undefined, name: string): number | undefined {
  const value = component?.details?.[name];
  return typeof value === 'number' ? value : undefined;
}

function seconds(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value < 1 ? 'nothing waits' : `${Math.round(value).toLocaleString()} s`;
}
