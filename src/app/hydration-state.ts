import type { dehydrate } from '@tanstack/react-query';

/**
 * What the browser needs to hydrate without refetching: the query cache and the router's data.
 * The pre-renderer writes it into the page; the client entry reads it back.
 */
export interface HydrationState {
  status: number;
  queries: ReturnType<typeof dehydrate>;
  router: { loaderData: Record<string, unknown>; errors: Record<string, unknown> | null };
}
