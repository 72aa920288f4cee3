import { queryOptions, skipToken } from '@tanstack/react-query';
import { loadSearchClient, type SearchClient } from './search-client.ts';

// The open client, so a reload after a content change (which invalidates every `['quire']`
// query) stops the old worker instead of leaving it running with a stale index.
let current: SearchClient | undefined;

/**
 * The search engine, loaded on first use: the first focus of a search box, or opening `/search`.
 * Never refetched on its own and never garbage collected: the index is built once per visit.
 */
export const searchIndexQuery = () =>
  queryOptions({
    queryKey: ['quire', 'search', 'index'],
    queryFn: async () => {
      const client = await loadSearchClient();
      current?.dispose();
      current = client;
      return client;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

/** Hits shown by the search box; the page shows more. */
export const BOX_LIMIT = 8;
export const PAGE_LIMIT = 50;

/**
 * The results of one query, cached per query so that Back and retyping are instant. Skipped
 * until the engine has loaded and while the query is blank. Fails, with a DataError, when the
 * shard holding a result's text cannot be fetched; a refetch tries the shard again.
 */
export const searchResultsQuery = (client: SearchClient | undefined, query: string, limit: number) =>
  queryOptions({
    queryKey: ['quire', 'search', 'results', query, limit],
    queryFn: client && query.trim() !== '' ? () => client.search(query, limit) : skipToken,
    staleTime: Number.POSITIVE_INFINITY,
  });
