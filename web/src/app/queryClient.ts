import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from '../api/client';

/**
 * Slow, flaky connections: retry only what may succeed the second time (network, 5xx),
 * never a 4xx answer; keep lists for a minute so going back is instant.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, gcTime: 10 * 60_000, retry: (n, err) => n < 2 && isRetryable(err), refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
