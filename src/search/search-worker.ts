/**
 * The search worker: fetches and validates the search index, builds it, then answers one search
 * per message with what its results show. Parsing, indexing, scoring and fetching the shards all
 * happen here, so typing never waits on them.
 */
import { DataError } from '../content/fetch-data.ts';
import { openSearch } from './open-search.ts';
import type { WorkerRequest, WorkerResponse } from './search-client.ts';

// Typed by hand: the WebWorker lib clashes with the DOM lib the rest of the app compiles with.
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

/** An error as a message can carry it: errors themselves do not survive being posted intact. */
const describe = (error: unknown, fallback: string) => ({
  message: error instanceof Error ? error.message : fallback,
  kind: error instanceof DataError ? error.kind : undefined,
});

openSearch().then(
  (search) => {
    scope.addEventListener('message', (event) => {
      const { id, query, limit } = event.data;
      search(query, limit).then(
        (view) => scope.postMessage({ type: 'result', id, view }),
        (error: unknown) => scope.postMessage({ type: 'search-failed', id, ...describe(error, 'Search could not load the results.') }),
      );
    });
    scope.postMessage({ type: 'ready' });
  },
  (error: unknown) => scope.postMessage({ type: 'failed', ...describe(error, 'Search could not load the posts.') }),
);
