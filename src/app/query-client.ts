import { QueryClient } from '@tanstack/react-query';

/**
 * One QueryClient per app (per page render on the server). The content only changes with a new
 * build, so nothing goes stale on its own; the dev server invalidates explicitly on edits.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Number.POSITIVE_INFINITY,
        gcTime: 30 * 60 * 1000,
        // Loaders show failures at once with a retry button; silent retries would only delay that.
        retry: false,
        refetchOnWindowFocus: false,
      },
    },
  });
}
