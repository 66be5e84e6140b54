import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { REFRESH_MS, statusKeys } from './status-keys';

/** Spring Boot's health statuses; anything else (a custom one) is shown as it is. */
export type HealthStatus = 'UP' | 'DOWN' | 'OUT_OF_SERVICE' | 'UNKNOWN' | (string & {});

/** A figure for staff clients and for anonymous readers. */
export interface ByAudience {
  staff: number;
  public: number;
}

/** `GET /api/status` (docs/rest-api.md, "Status"): health of the parts and this instance's real-time figures. */
export interface SystemStatus {
  status: HealthStatus;
  checkedAt: string;
  database: { status: HealthStatus; product: string | null; error: string | null };
  kafka: { status: HealthStatus; brokers: number | null; topic: string | null; partitions: number | null; error: string | null };
  outbox: { status: HealthStatus; backlog: number; oldestAgeSeconds: number; published: number; error: string | null };
  realtime: {
    sessions: ByAudience;
    delivered: ByAudience;
    streamPosition: number;
    resumes: { none: number; memory: number; kafka: number; resync: number };
    slowCloses: number;
  };
}

export function getStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return api.get<SystemStatus>('/api/status', { signal });
}

export function getStatusQueryOptions() {
  return queryOptions({
    queryKey: statusKeys.system(),
    queryFn: ({ signal }) => getStatus(signal),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    // The next tick asks again; retrying in between would only hide that the server does not answer.
    retry: false,
  });
}

export function useSystemStatus() {
  return useQuery(getStatusQueryOptions());
}
