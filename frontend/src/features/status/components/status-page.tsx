import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/problem-error';
import { useSystemStatus, type SystemStatus } from '../api/get-status';
import { REFRESH_MS } from '../api/status-keys';
import { StateBadge, stateOf } from './state-badge';
import { Fact, StatusCard } from './status-card';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const count = (value: number | null | undefined) => (value === undefined || value === null ? undefined : Math.round(value).toLocaleString());

/**
 * /status: the database, Kafka, the outbox and this instance's sockets and stream at a glance, from
 * `GET /api/status`, asked again every few seconds. When the server does not answer, every part shows as
 * unknown rather than as its last (possibly stale) state.
 */
export function StatusPage() {
  const query = useSystemStatus();
  // After a failed refresh TanStack Query keeps the old data: show it as unknown, not as still up.
  const status = query.isError ? undefined : query.data;

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Status</h1>
        {!query.isPending && (
          <div className="flex items-center gap-2" data-testid="status-overall">
            <span className="text-sm text-slate-600">Overall</span>
            {status ? (
              <StateBadge state={stateOf(status.status)} label={status.status === 'UP' ? 'All systems up' : 'Something is down'} />
            ) : (
              <StateBadge state="down" label="Server not answering" />
            )}
          </div>
        )}
      </div>
      <p className="text-sm text-slate-600">
        Refreshed every {REFRESH_MS / 1000} s
        {query.dataUpdatedAt > 0 && <> · last answer at {timeFormat.format(query.dataUpdatedAt)}</>}.
        Sockets, deliveries and the stream are for the instance that answered, counted since it started.
      </p>
      {query.isError && <Alert>Cannot get the system's status: {errorMessage(query.error)}</Alert>}
      {query.isPending ? <Spinner label="Checking the system…" /> : <StatusCards status={status} />}
    </section>
  );
}

function StatusCards({ status }: { status: SystemStatus | undefined }) {
  const { database, kafka, outbox, realtime } = status ?? {};
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <StatusCard id="db" title="Database" state={stateOf(database?.status)}>
        <Fact label="Product" value={database?.product} />
        {database?.error && <Fact label="Error" value={database.error} />}
      </StatusCard>
      <StatusCard id="kafka" title="Kafka" state={stateOf(kafka?.status)}>
        <Fact label="Brokers" value={count(kafka?.brokers)} />
        <Fact label="Topic" value={kafka?.topic} />
        <Fact label="Partitions" value={count(kafka?.partitions)} />
        {kafka?.error && <Fact label="Error" value={kafka.error} />}
      </StatusCard>
      <StatusCard id="outbox" title="Outbox" state={stateOf(outbox?.status)}>
        <Fact label="Waiting" value={count(outbox?.backlog)} />
        <Fact label="Oldest waits" value={seconds(outbox?.oldestAgeSeconds)} />
        <Fact label="Published here" value={count(outbox?.published)} />
        {outbox?.error && <Fact label="Error" value={outbox.error} />}
      </StatusCard>
      <StatusCard id="sockets" title="Open sockets">
        <Fact label="Staff" value={count(realtime?.sessions.staff)} />
        <Fact label="Readers" value={count(realtime?.sessions.public)} />
        <Fact label="Closed as too slow" value={count(realtime?.slowCloses)} />
      </StatusCard>
      <StatusCard id="deliveries" title="Deliveries">
        <Fact label="To staff" value={count(realtime?.delivered.staff)} />
        <Fact label="To readers" value={count(realtime?.delivered.public)} />
        <Fact label="Stream position" value={realtime && realtime.streamPosition >= 0 ? count(realtime.streamPosition) : undefined} />
      </StatusCard>
      <StatusCard id="resumes" title="Reconnects">
        <Fact label="Fresh joins" value={count(realtime?.resumes.none)} />
        <Fact label="Resumed from memory" value={count(realtime?.resumes.memory)} />
        <Fact label="Resumed from Kafka" value={count(realtime?.resumes.kafka)} />
        <Fact label="Told to reload" value={count(realtime?.resumes.resync)} />
      </StatusCard>
    </div>
  );
}

function seconds(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value < 1 ? 'nothing waits' : `${Math.round(value).toLocaleString()} s`;
}
