import { queryOptions, useQuery } from '@tanstack/react-query';
import { NetworkError, ProblemError } from '@/lib/problem-error';
import { REFRESH_MS, statusKeys } from './status-keys';

/** Spring Boot's health statuses; anything else (a custom one) is shown as it is. */
export type HealthStatus = 'UP' | 'DOWN' | 'OUT_OF_SERVICE' | 'UNKNOWN' | (string & {});

export interface HealthComponent {
  status: HealthStatus;
  details?: Record<string, unknown>;
}

export interface HealthReport {
  status: HealthStatus;
  components: Record<string, HealthComponent>;
}

/**
 * `GET /actuator/health`: every component with its details (open to anyone, docs/operations.md "Exposure").
 * The actuator answers 503 with the same body when something is down, so that is a report, not an error.
 */
export async function getHealth(signal?: AbortSignal): Promise<HealthReport> {
  let response: Response;
  try {
    response = await fetch('/actuator/health', { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  const body = (await response.json().catch(() => null)) as Partial<HealthReport> | null;
  if (!body || typeof body.status !== 'string') {
    throw new ProblemError(response.status, { title: `The health endpoint answered ${response.status}` });
  }
  return { status: body.status, components: body.components ?? {} };
}

export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: statusKeys.health(),
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    // The next tick asks again; retrying in between would only hide that the server does not answer.
    retry: false,
  });
}

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
