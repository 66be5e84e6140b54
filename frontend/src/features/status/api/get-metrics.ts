import { queryOptions, useQuery } from '@tanstack/react-query';
import { NetworkError, ProblemError } from '@/lib/problem-error';
import { parsePrometheus, sampleValue } from './parse-prometheus';
import { REFRESH_MS, statusKeys } from './status-keys';

/** The meters the status page shows (docs/operations.md "Meters"); undefined when the server lacks one. */
export interface PipelineMetrics {
  outboxBacklog?: number;
  outboxAgeSeconds?: number;
  staffSockets?: number;
  publicSockets?: number;
}

/** `GET /actuator/prometheus` (the only metrics endpoint exposed), reduced to the few gauges shown. */
export async function getMetrics(signal?: AbortSignal): Promise<PipelineMetrics> {
  let response: Response;
  try {
    response = await fetch('/actuator/prometheus', { headers: { Accept: 'text/plain' }, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) throw new ProblemError(response.status, { title: `The metrics endpoint answered ${response.status}` });
  const samples = parsePrometheus(await response.text());
  return {
    outboxBacklog: sampleValue(samples, 'blog_outbox_backlog'),
    outboxAgeSeconds: sampleValue(samples, 'blog_outbox_backlog_age_seconds'),
    staffSockets: sampleValue(samples, 'blog_realtime_sessions', { audience: 'staff' }),
    publicSockets: sampleValue(samples, 'blog_realtime_sessions', { audience: 'public' }),
  };
}

export function getMetricsQueryOptions() {
  return queryOptions({
    queryKey: statusKeys.metrics(),
    queryFn: ({ signal }) => getMetrics(signal),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    retry: false,
  });
}

export function useMetrics() {
  return useQuery(getMetricsQueryOptions());
}
