import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { handleUnauthorized } from './auth/session.ts';

/**
 * One client for the whole app. A 4xx is the server's considered answer, so
 * it is not retried; network failures and 5xx are, twice.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleUnauthorized(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => handleUnauthorized(client, error) }),
    defaultOptions: {
      queries: {
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
