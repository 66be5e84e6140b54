import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from '@/lib/problem-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live events keep post data fresh; refetching on every focus would only add load.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(error instanceof ProblemError && error.status < 500) && count < 2,
      },
    },
  });
}
